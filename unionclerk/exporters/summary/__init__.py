"""The county summary: its workbook, PDF, JSON and charts, and the check of a received summary. No Qt."""
