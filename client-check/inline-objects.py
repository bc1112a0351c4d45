#!/usr/bin/env python3
"""Lists inline object schemas (type: object with properties) in openapi.yaml that are not
themselves a named component under components/schemas. Exit code 1 when any are found
with --strict. Usage: python3 client-check/inline-objects.py [openapi.yaml] [--strict]"""
import sys, yaml

args = [a for a in sys.argv[1:] if not a.startswith('--')]
path = args[0] if args else 'openapi.yaml'
doc = yaml.safe_load(open(path))
found = []

def walk(node, ptr):
    if isinstance(node, dict):
        is_obj = node.get('type') == 'object' or (isinstance(node.get('type'), list) and 'object' in node['type'])
        named = len(ptr) == 3 and ptr[0] == 'components' and ptr[1] == 'schemas'
        if is_obj and 'properties' in node and not named:
            found.append('/'.join(str(p) for p in ptr))
        for k, v in node.items():
            walk(v, ptr + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, ptr + [i])

walk(doc, [])
for f in found:
    print(f)
print(f'{len(found)} inline object schema(s) with properties outside components/schemas', file=sys.stderr)
if '--strict' in sys.argv and found:
    sys.exit(1)
