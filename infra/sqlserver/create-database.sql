-- Creates the HelpdeskGamify database and its application login. Run once as a sysadmin:
--   sqlcmd -S <server> -U sa -v AppPassword="<strong password>" -i create-database.sql
-- The schema itself is not created here: every AgentHub node applies the versioned migrations at
-- start (under an application lock, so nodes starting together do not race).
-- On Azure SQL create the database in the portal/CLI and run only the user part in it.
IF DB_ID(N'helpdeskgamify') IS NULL
BEGIN
    CREATE DATABASE helpdeskgamify;
END
GO
-- Snapshot reads keep leaderboard and API reads from waiting behind scoring transactions.
ALTER DATABASE helpdeskgamify SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO
IF SUSER_ID(N'helpdeskgamify') IS NULL
BEGIN
    CREATE LOGIN helpdeskgamify WITH PASSWORD = N'$(AppPassword)', CHECK_POLICY = ON;
END
GO
USE helpdeskgamify;
GO
IF USER_ID(N'helpdeskgamify') IS NULL
BEGIN
    CREATE USER helpdeskgamify FOR LOGIN helpdeskgamify;
END
GO
-- The migrations create tables and indexes, so the app owns its schema (db_owner of its own
-- database only). A stricter set-up runs migrations with a separate deploy login and grants the
-- app login db_datareader + db_datawriter; see docs/operations.md.
ALTER ROLE db_owner ADD MEMBER helpdeskgamify;
GO
