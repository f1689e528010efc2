"""The one error type a tool raises when its input as a whole is unusable."""

from __future__ import annotations


class InputError(Exception):
    """Bad input, explained in Chinese for the officer.

    ``field`` names the form field or column, ``account`` the account (retention
    checker), ``row``/``column`` the 1-based position in tabular input.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        account: str | int | None = None,
        row: int | None = None,
        column: str | int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.account = account
        self.row = row
        self.column = column

    def to_dict(self) -> dict:
        return {
            "message": self.message,
            "field": self.field,
            "account": self.account,
            "row": self.row,
            "column": self.column,
        }
