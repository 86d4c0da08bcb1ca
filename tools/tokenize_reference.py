#!/usr/bin/env python3.11
"""Reference token streams for test/parser-tokenizer.test.ts, from CPython 3.11's Lib/tokenize.py,
normalized to what the C tokenizer hands the parser (the token stream host/parser/tokenizer.ts
produces).

Reads file paths, one a line, on stdin. For each file compile() accepts (AST only), it builds the
stream as lines "TYPE LINENO COL END_LINENO END_COL JSON(STRING)" joined by "\n", and prints
  --hash: "PATH\tok\tSHA1" (or "PATH\tskip\t" when compile() rejects the file)
  --full: one JSON object a line: {"path": PATH, "stream": STREAM} (skipped files: stream null)

Normalizations (each checked against the C tokenizer with python3.11 experiments):
  - COMMENT, NL and ENCODING tokens are dropped: the C tokenizer never gives them to the parser.
  - Columns are UTF-8 byte offsets (tokenize.py counts characters; the C tokenizer counts bytes).
  - "\\r\\n" and "\\r" are read as "\\n" before tokenizing, as compile() does.
  - NAME strings are NFKC-normalized (CPython normalizes identifiers; tokenize.py keeps them raw).
  - INDENT's string is "" (tokenize.py gives the indentation text; the parser never reads it).
  - NEWLINE is zero-width at the newline, and starts at the comment when one ends the line: the C
    tokenizer sets the token start before skipping a comment and leaves the "\\n" out (compile()
    reports "x = 1 +  # c" invalid syntax at offset 10, end_offset 13, which is that token + 1).
  - OP tokens keep the generic OP type (54), as host/parser/token.ts does.
"""
import hashlib
import json
import sys
import tokenize
import unicodedata
import io

DROP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def stream(data: bytes) -> str:
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")

    def bcol(row: int, col: int) -> int:
        if row - 1 >= len(lines):
            return col
        return len(lines[row - 1][:col].encode("utf-8"))

    # [type, string, (l, c), (el, ec)] in characters; tokenize.py splits identifiers at characters
    # its \w does not match but CPython's XID_Continue does (e.g. variation selectors): it yields
    # NAME ERRORTOKEN NAME with no gap, which the C tokenizer reads as one NAME; glue them back.
    raw = []
    prev = None
    glue = False
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.ERRORTOKEN:
            if tok.string.isascii() or tok.string.isspace():
                raise ValueError(f"ERRORTOKEN {tok!r}")
            if raw and raw[-1][0] == tokenize.NAME and raw[-1][3] == tok.start:
                raw[-1][1] += tok.string
                raw[-1][3] = tok.end
            else:
                raw.append([tokenize.NAME, tok.string, tok.start, tok.end])
            glue = True
            prev = tok
            continue
        if tok.type == tokenize.NAME and glue and raw and raw[-1][0] == tokenize.NAME and raw[-1][3] == tok.start:
            raw[-1][1] += tok.string
            raw[-1][3] = tok.end
            prev = tok
            continue
        glue = False
        if tok.type in DROP:
            prev = tok
            continue
        start, end = tok.start, tok.end
        if tok.type == tokenize.NEWLINE:
            end = start
            if prev is not None and prev.type == tokenize.COMMENT and prev.start[0] == start[0]:
                start = prev.start
        raw.append([tok.type, "" if tok.type == tokenize.INDENT else tok.string, start, end])
        prev = tok
    out = []
    for typ, s, (l, c), (el, ec) in raw:
        if typ == tokenize.NAME and not s.isascii():
            s = unicodedata.normalize("NFKC", s)
        out.append(f"{typ} {l} {bcol(l, c)} {el} {bcol(el, ec)} {json.dumps(s, ensure_ascii=False)}")
    return "\n".join(out)


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "--hash"
    for path in sys.stdin.read().split("\n"):
        if not path:
            continue
        with open(path, "rb") as f:
            data = f.read()
        try:
            compile(data, path, "exec", 0x400, dont_inherit=True)  # PyCF_ONLY_AST
        except (SyntaxError, ValueError, UnicodeDecodeError):
            s = None
        else:
            s = stream(data)
        if mode == "--full":
            print(json.dumps({"path": path, "stream": s}, ensure_ascii=False))
        elif s is None:
            print(f"{path}\tskip\t")
        else:
            print(f"{path}\tok\t{hashlib.sha1(s.encode('utf-8')).hexdigest()}")


if __name__ == "__main__":
    main()
