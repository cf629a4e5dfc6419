#!/usr/bin/env python3
"""The functions of src/ longer than a reader can hold (issue 19): `LINES PATH NAME` for
each one over the limit (80 lines, or the first argument), longest first.

A function runs from its `fn` line to the closing brace at its own indentation; a
declaration without a body (a trait method ending in `;`) is not one.
Run from the repository root: `python3 tools/long_functions.py [LIMIT]`.
"""
import os
import re
import sys

FN = re.compile(r'^(\s*)(pub(\([^)]*\))? )?fn (\w+)')


def long_functions(root, limit):
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith('.rs'):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                lines = f.read().split('\n')
            for i, line in enumerate(lines):
                m = FN.match(line)
                if not m or line.rstrip().endswith(';'):
                    continue
                indent = m.group(1)
                j = i + 1
                while j < len(lines) and not (
                    lines[j].startswith(indent + '}') and len(lines[j].rstrip()) == len(indent) + 1
                ):
                    j += 1
                if j - i > limit:
                    yield j - i, path, m.group(4)


if __name__ == '__main__':
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    for length, path, name in sorted(long_functions('src', limit), reverse=True):
        print(length, path, name)
