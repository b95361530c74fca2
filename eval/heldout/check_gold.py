#!/usr/bin/env python3
"""Validate eval/heldout/gold.jsonl against the article texts in eval/heldout/articles/.

(Copy of /work/shared/eval/check_gold.py; paths resolve relative to this file.)

Checks, for every gold entry:
  * the text file exists and its sha256 matches text_sha256;
  * id == text_file without ".txt"; published is YYYY-MM-DD or null;
  * every actor/system name and alias, every date text, every expert name and
    every quote fragment is an exact, case-sensitive substring of the text;
  * quote fragments are 5-15 words long;
  * date values use one of the documented forms (see README.md);
  * required dates never have a null value; relative dates with a null value
    only occur when published is null;
  * when published is set, one required date carries that value (the dateline);
  * kinds, categories, roles and gists are filled in; no duplicate names.

Usage: python3 check_gold.py [path/to/gold.jsonl]   (exit status 1 on any error)
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.jsonl")
ARTICLES = os.path.join(os.path.dirname(os.path.abspath(GOLD)), "articles")

KINDS = {"person", "organization", "company", "country", "government", "armed forces", "group", "facility", "territory"}
VALUE_RE = re.compile(
    r"^(?:"
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}Z?)?)?)?"   # YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[Z]
    r"|\d{4}-Q[1-4]"                                    # quarter
    r"|\d{4}-H[12]"                                     # half-year
    r"|\d{4}-W\d{2}"                                    # ISO week
    r"|\d{3}X"                                          # decade, e.g. 200X = the 2000s
    r")$"
)


def valid_value(v):
    if v is None:
        return True
    parts = v.split("/")
    return len(parts) in (1, 2) and all(VALUE_RE.match(p) for p in parts)


def check_entry(g):
    errs, warns = [], []
    tf = g.get("text_file")
    path = os.path.join(ARTICLES, tf or "")
    if not tf or not os.path.isfile(path):
        return [f"text file not found: {path}"], warns
    raw = open(path, "rb").read()
    if hashlib.sha256(raw).hexdigest() != g.get("text_sha256"):
        errs.append("text_sha256 does not match the file bytes")
    text = raw.decode("utf-8")
    if g.get("id") != tf[:-4]:
        errs.append(f"id {g.get('id')!r} != text_file stem {tf[:-4]!r}")
    pub = g.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        errs.append(f"bad published {pub!r}")

    def sub(s, where):
        if not isinstance(s, str) or not s:
            errs.append(f"{where}: empty or non-string {s!r}")
        elif s not in text:
            errs.append(f"{where}: {s!r} not found in text")

    for key in ("actors", "systems", "dates", "experts"):
        if set(g.get(key, {})) != {"required", "optional"}:
            errs.append(f"{key}: must have exactly 'required' and 'optional'")
    for tier in ("required", "optional"):
        for a in g["actors"][tier]:
            sub(a["name"], f"actors.{tier}.name")
            for al in a["aliases"]:
                sub(al, f"actors.{tier}[{a['name']}].alias")
            if a.get("kind") not in KINDS:
                errs.append(f"actors.{tier}[{a['name']}]: bad kind {a.get('kind')!r}")
            if a.get("kind") == "person" and not a.get("role"):
                warns.append(f"actors.{tier}[{a['name']}]: person without role")
        for s in g["systems"][tier]:
            sub(s["name"], f"systems.{tier}.name")
            for al in s["aliases"]:
                sub(al, f"systems.{tier}[{s['name']}].alias")
            if not s.get("category"):
                errs.append(f"systems.{tier}[{s['name']}]: empty category")
        for d in g["dates"][tier]:
            sub(d["text"], f"dates.{tier}.text")
            if not valid_value(d.get("value")):
                errs.append(f"dates.{tier}[{d['text']}]: bad value {d.get('value')!r}")
            if d.get("value") is None:
                if tier == "required":
                    errs.append(f"dates.required[{d['text']}]: null value in required")
                if pub is not None:
                    errs.append(f"dates.{tier}[{d['text']}]: null value although published is set")
            if not d.get("event"):
                errs.append(f"dates.{tier}[{d['text']}]: empty event")
        for x in g["experts"][tier]:
            sub(x["name"], f"experts.{tier}.name")
            if not x.get("role") or not x.get("gist"):
                errs.append(f"experts.{tier}[{x['name']}]: empty role or gist")
            if not x["quote_fragments"]:
                warns.append(f"experts.{tier}[{x['name']}]: no quote fragments")
            for q in x["quote_fragments"]:
                sub(q, f"experts.{tier}[{x['name']}].quote")
                n = len(q.split())
                if not 5 <= n <= 15:
                    errs.append(f"experts.{tier}[{x['name']}]: fragment has {n} words: {q!r}")
    if pub is not None and not any(d.get("value") == pub for d in g["dates"]["required"]):
        errs.append(f"no required date carries the published value {pub}")
    for key, fld in (("actors", "name"), ("systems", "name"), ("dates", "text"), ("experts", "name")):
        names = [e[fld] for t in ("required", "optional") for e in g[key][t]]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            errs.append(f"{key}: duplicate {fld}s {dup}")
    # named experts should also be listed as actors (unnamed sources need not be)
    actor_names = {a["name"] for t in ("required", "optional") for a in g["actors"][t]}
    for x in g["experts"]["required"]:
        if x["name"] not in actor_names and x["name"][0].isupper() and " " in x["name"] and not x["name"].split()[0] in ("A", "An", "Two", "The"):
            warns.append(f"required expert {x['name']!r} is not listed among actors")
    return errs, warns


def main():
    total_err = 0
    lines = open(GOLD, encoding="utf-8").read().splitlines()
    ids = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"line {i}: invalid JSON: {e}")
            total_err += 1
            continue
        ids.append(g.get("id"))
        errs, warns = check_entry(g)
        for e in errs:
            print(f"{g.get('id')}: ERROR {e}")
        for w in warns:
            print(f"{g.get('id')}: warning {w}")
        total_err += len(errs)
    dup_ids = sorted({x for x in ids if ids.count(x) > 1})
    if dup_ids:
        print("duplicate ids:", dup_ids)
        total_err += len(dup_ids)
    print(f"{len(ids)} entries checked, {total_err} errors")
    return 1 if total_err else 0


if __name__ == "__main__":
    sys.exit(main())
