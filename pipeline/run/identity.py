"""One `org_id` for one organisation across the files of a batch.

A report that does not name its province gets the province the batch's other
reports of the same organisation (type and name) name, when they name exactly
one; its rows' `org_id` follow.
"""

from __future__ import annotations

from collections import defaultdict

from normalise.org import Org
from pipeline.output.schema import Row


def unify_org_ids(tables: dict[str, list[Row]]) -> int:
    """Complete the province of documents that lack it; returns how many were completed."""
    provinces: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, tuple[str, str]] = {}
    for doc in tables["documents"]:
        if doc["org_type"] and doc["org_name"]:
            key = (doc["org_type"], doc["org_id"].split(":")[1])
            names[doc["doc_id"]] = key
            if doc["province"]:
                provinces[key].add(doc["province"])
    new_ids: dict[str, str] = {}
    for doc in tables["documents"]:
        key = names.get(doc["doc_id"])
        if key and not doc["province"] and len(provinces[key]) == 1:
            (province,) = provinces[key]
            doc["province"] = province
            doc["org_id"] = Org(key[0], key[1], doc["district"], province).org_id
            new_ids[doc["doc_id"]] = doc["org_id"]
    for name, rows in tables.items():
        if name != "documents":
            for row in rows:
                if row.get("doc_id") in new_ids and "org_id" in row:
                    row["org_id"] = new_ids[row["doc_id"]]
    return len(new_ids)
