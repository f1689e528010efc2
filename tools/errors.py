"""The one error type a tool raises when its input as a whole is unusable."""

from __future__ import annotations

from tools.common.where import located


class InputError(Exception):
    """Bad input, explained in Chinese for the officer.

    ``field`` names the form field or column, ``account`` the account (retention
    checker: its name, else its number), ``item`` its 1-based place in the input
    list (so the page finds the fieldset even when two accounts share a name),
    ``row``/``column`` the 1-based position in tabular input.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        account: str | int | None = None,
        item: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.account = account
        self.item = item
        self.row = row
        self.column = column

    def to_dict(self) -> dict:
        """The envelope's ``error``; ``text`` is the message with its place, as shown."""
        return {
            "message": self.message,
            "text": located(self.message, account=self.account, row=self.row, column=self.column),
            "field": self.field,
            "account": self.account,
            "item": self.item,
            "row": self.row,
            "column": self.column,
        }


class NeedsPackage(Exception):
    """The input needs an optional package the browser has not installed yet (openpyxl
    for .xlsx): not an error; tools.dispatch asks the worker to install it and call again."""

    def __init__(self, package: str) -> None:
        super().__init__(package)
        self.package = package
