# Uncaught exception carrying notes (add_note, 3.11): each note is printed on its own line after the exception line.
def parse_row(row, lineno):
    try:
        return [int(cell) for cell in row.split(",")]
    except ValueError as e:
        e.add_note(f"while parsing line {lineno}: {row!r}")
        e.add_note("hint: cells must be integers")
        raise

rows = ["1,2,3", "4,five,6"]
for n, row in enumerate(rows, 1):
    print(parse_row(row, n))
