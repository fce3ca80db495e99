# Dicts as counters and indexes: count events per thread and kind.
events = [
    ("T1", "run"), ("T2", "run"), ("T1", "block"), ("T3", "run"),
    ("T2", "block"), ("T1", "run"), ("T3", "exit"), ("T2", "run"),
]
per_thread = {}
per_kind = {}
for tid, kind in events:
    per_thread[tid] = per_thread.get(tid, 0) + 1
    if kind not in per_kind:
        per_kind[kind] = []
    per_kind[kind].append(tid)
print(per_thread)
print(per_kind)

table = {}
for tid, kind in events:
    row = table.setdefault(tid, {})
    row[kind] = row.get(kind, 0) + 1
for tid in sorted(table):
    cells = ["%s=%d" % (k, table[tid][k]) for k in sorted(table[tid])]
    print(tid, " ".join(cells))

most = max(per_thread.items(), key=lambda kv: kv[1])
print("most events:", most)
inverted = {}
for tid, n in per_thread.items():
    inverted[n] = inverted.get(n, []) + [tid]
print(inverted)
print(len(per_kind), "exit" in per_kind, per_kind.get("sleep", []))
