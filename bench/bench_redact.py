"""Benchmark of log redaction on hostile text: seconds to redact one 7 MiB line.

    python bench/bench_redact.py [--mib 7]

A server can put anything in a body that ends up in an exception and so in a log line: a
long run of one character, of ``=`` or quotes (where a key=value or JSON pattern could start
at every position), a large JSON body with secrets in it.  Prints the time per line for each
shape, through ``redact`` and through the log formatter (redaction and surrogate escaping).
"""

from __future__ import annotations

import argparse
import logging
import time

from ucm_popup.logs import RedactingFormatter, redact, register_secret


def shapes(size: int) -> dict[str, str]:
    record = '{"Phone": "0612345678", "token": "1000.abc", "Full_Name": "Jane"}, '
    return {
        "one letter": "a" * size,
        "equals signs": "=" * size,
        "double quotes": '"' * size,
        "code= repeated": "code=" * (size // 5),
        '"token" + spaces': '"token"' + " " * size,
        "Zoho-oauthtoken + spaces": "Zoho-oauthtoken" + " " * size,
        "JSON body with tokens": record * (size // len(record)),
        "lone surrogates": "\ud800x" * (size // 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=float, default=7)
    size = int(parser.parse_args().mib * 1024 * 1024)
    register_secret("Reg1stered-Pa55word")
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    print(f"{size / 1024 / 1024:.0f} MiB line   redact   formatter")
    for name, text in shapes(size).items():
        start = time.perf_counter()
        redact(text)
        redacted = time.perf_counter() - start
        record = logging.LogRecord("bench", logging.ERROR, __file__, 1, "%s", (text,), None)
        start = time.perf_counter()
        formatter.format(record)
        formatted = time.perf_counter() - start
        print(f"{name:26} {redacted:6.3f} s  {formatted:6.3f} s")


if __name__ == "__main__":
    main()
