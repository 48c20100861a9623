"""Spreadsheet exports that a spreadsheet program cannot be tricked into running.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as
a formula by Excel and LibreOffice; a title someone typed ("=HYPERLINK(...)") would then
run in the editor's spreadsheet. Such text is written with a leading apostrophe, which
the programs show as plain text (OWASP's advice for CSV injection). Wagtail's own xlsx
export already stores such cells as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin`` (every ``ReportView``)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
