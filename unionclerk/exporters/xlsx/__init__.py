"""The submission workbook and the blank template: sheet plans, layout, styles, the streaming writer, print measuring. No Qt."""
