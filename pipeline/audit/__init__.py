"""`ita audit`: the state of every O-item per organisation and assessment year (`states`),
as matrices per year (`matrix`), written as CSV, an Excel workbook (`xlsx`) or one HTML
page (`html`) by the report's suffix (`report`)."""
