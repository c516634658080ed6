"""Domain errors. A service raises them; one place per edge turns them into a form error, a message
or an HTTP status (style.md rule 9). The message is shown to the user as is, so it is translatable."""


class RuleViolation(Exception):
    """A business rule refused the action. Nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class NotAllowed(RuleViolation):
    """The person may not do this (role or unit scope)."""


class Conflict(RuleViolation):
    """Somebody else changed the object first, or the same thing was submitted twice."""
