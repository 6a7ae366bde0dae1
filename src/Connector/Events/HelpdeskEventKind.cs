namespace HelpdeskGamify.Connector.Events;

/// <summary>What happened, in helpdesk terms, independent of which helpdesk reported it.</summary>
public enum HelpdeskEventKind
{
    /// <summary>A ticket was opened by a customer.</summary>
    TicketCreated,
    /// <summary>A ticket was assigned to an agent.</summary>
    TicketAssigned,
    /// <summary>An agent added a public reply to a ticket.</summary>
    TicketAgentReplied,
    /// <summary>A ticket was solved (Zendesk) or resolved (Freshdesk).</summary>
    TicketSolved,
    /// <summary>A solved ticket was opened again.</summary>
    TicketReopened,
    /// <summary>A ticket changed in a way we record but do not score (priority, tags, other statuses).</summary>
    TicketUpdated,
    /// <summary>The customer rated the support they got.</summary>
    SatisfactionRated,
    /// <summary>A chat conversation started.</summary>
    ChatStarted,
    /// <summary>An agent replied in a chat.</summary>
    ChatAgentReplied,
    /// <summary>The customer wrote in a chat.</summary>
    ChatCustomerMessage,
    /// <summary>A chat conversation was resolved.</summary>
    ChatResolved,
    /// <summary>A resolved chat conversation was opened again.</summary>
    ChatReopened,
    /// <summary>The customer posted a review.</summary>
    ReviewCompleted,
    /// <summary>The customer answered a survey.</summary>
    SurveyCompleted,
    /// <summary>A helpdesk user's name, role or state changed.</summary>
    ParticipantUpdated,
    /// <summary>A chat changed in a way we record but do not score (bot messages, control passed between bots and agents, read receipts).</summary>
    ChatUpdated,
    /// <summary>A chat conversation was assigned to an agent.</summary>
    ChatAssigned,
    /// <summary>A fact sent by the company's own systems through the events API (see <see cref="HelpdeskEvent.EventType"/>).</summary>
    CustomEvent,
}
