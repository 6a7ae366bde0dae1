using HelpdeskGamify.Connector.CustomEvents;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>The body of <c>PUT /event-types/{name}</c>: <c>{"attributes": {"rating": {"type": "number", "required": true}}}</c>.</summary>
public sealed record EventTypeRequest(Dictionary<string, AttributeRequest>? Attributes)
{
    private static readonly Dictionary<string, AttributeType> Types = new(StringComparer.Ordinal)
    {
        ["string"] = AttributeType.Text,
        ["number"] = AttributeType.Number,
        ["boolean"] = AttributeType.TrueFalse,
        ["datetime"] = AttributeType.Datetime,
    };

    /// <summary>The schema, or the errors by field.</summary>
    public static (EventTypeSchema? Schema, Dictionary<string, string[]> Errors) Validate(string name, EventTypeRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!EventTypeSchema.IsValidName(name))
        {
            errors["name"] = ["Lower-case words joined by dots, e.g. 'workshop.attended' (letters, digits, '-' and '_')."];
        }
        var attributes = body.Attributes ?? [];
        if (attributes.Count > EventTypeSchema.MaxAttributes)
        {
            errors["attributes"] = [$"At most {EventTypeSchema.MaxAttributes} attributes."];
        }
        var specs = new Dictionary<string, AttributeSpec>(StringComparer.Ordinal);
        foreach (var (attribute, spec) in attributes)
        {
            if (!EventTypeSchema.IsValidAttributeName(attribute))
            {
                errors["attributes." + attribute] = ["Attribute names start with a letter and use letters, digits and '_' (at most 64)."];
            }
            else if (spec.Type is null || !Types.TryGetValue(spec.Type, out var type))
            {
                errors["attributes." + attribute + ".type"] = ["Must be string, number, boolean or datetime."];
            }
            else
            {
                specs[attribute] = new AttributeSpec(type, spec.Required);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new EventTypeSchema(name, specs), errors);
    }
}

/// <summary>One attribute of an event type request.</summary>
public sealed record AttributeRequest(string? Type, bool Required = false);
