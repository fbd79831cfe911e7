#!/usr/bin/env python3
"""Writes N Markdown items for bench/site/run.sh: the files of bench/content/generate.py (our content
format: front matter and Markdown bodies), made all visible on the site so that the export and Hugo
render the same N pages: every item approved, published in the past, never expiring, on the web.
bench/province/generate.py writes each commune's content with the same function, visible().

    python3 bench/site/items.py N DIR
"""
import os
import re
import runpy
import sys


def visible(n, out):
    """bench/content/generate.py's N files in OUT, each made approved and never expiring."""
    generate = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content",
                                           "generate.py"))
    argv = sys.argv
    sys.argv = ["generate.py", str(n), out]
    try:
        generate["main"]()
    finally:
        sys.argv = argv
    for folder in ("items", "procedures", "documents"):
        path = os.path.join(out, folder)
        for name in os.listdir(path):
            file = os.path.join(path, name)
            with open(file, encoding="utf-8") as f:
                text = f.read()
            head, sep, body = text.partition("\n---\n")
            head = re.sub(r"(?m)^(expire-at|channels|approved-by): .*\n?", "", head)
            head = re.sub(r"(?m)^status: .*$", "status: approved\napproved-by: Lê Văn Tý", head)
            with open(file, "w", encoding="utf-8") as f:
                f.write(head + sep + body)


if __name__ == "__main__":
    visible(int(sys.argv[1]), sys.argv[2])
