# An ordinary program of the kind issue 14 lists, run unchanged.
from collections import defaultdict, deque, OrderedDict
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")]
graph = defaultdict(list)
for u, v in edges:
    graph[u].append(v)
    graph[v].append(u)
def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in seen:
                seen.add(nxt)
                q.append(nxt)
    return order
print(bfs("a"), dict(graph)["d"])
od = OrderedDict.fromkeys("xyz", 0)
od.move_to_end("x")
print(od, list(od.keys()))
