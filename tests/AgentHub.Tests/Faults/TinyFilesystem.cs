using System.Diagnostics;

namespace HelpdeskGamify.AgentHub.Tests.Faults;

/// <summary>
/// A tmpfs of a few megabytes mounted for one test (needs root, as in CI's container), so that
/// "disk full" is the real ENOSPC from the kernel rather than a simulated exception.
/// </summary>
public sealed class TinyFilesystem : IDisposable
{
    private TinyFilesystem(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts one, or returns null when this machine does not allow it.</summary>
    public static TinyFilesystem? TryMount(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "helpdeskgamify-tinyfs-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path) ? new TinyFilesystem(path) : null;
    }

    /// <summary>Fills the free space with a junk file; returns its path.</summary>
    public string Fill()
    {
        var junk = System.IO.Path.Combine(Path, "junk.bin");
        var block = new byte[64 * 1024];
        using var stream = new FileStream(junk, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full, which is the point.
        }
        return junk;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
