# Graph algorithms: BFS shortest paths, DFS, topological sort, Dijkstra with a hand-written heap, connected components.
graph = {
    "A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": [], "G": ["H"], "H": [],
}
def bfs(start):
    dist = {start: 0}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nb in graph[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                queue.append(nb)
    return dist
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nb in graph[node]:
        if nb not in seen:
            dfs(nb, seen)
    return seen
def topo():
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] += 1
    ready = sorted(n for n in graph if indeg[n] == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return order
print(bfs("A"), dfs("A"), topo())
def heappush(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0 and h[(i - 1) // 2] > h[i]:
        h[(i - 1) // 2], h[i] = h[i], h[(i - 1) // 2]
        i = (i - 1) // 2
def heappop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i = 0
    while True:
        l, r, m = 2 * i + 1, 2 * i + 2, i
        if l < len(h) and h[l] < h[m]:
            m = l
        if r < len(h) and h[r] < h[m]:
            m = r
        if m == i:
            return top
        h[i], h[m] = h[m], h[i]
        i = m
weighted = {"s": {"a": 7, "b": 2}, "a": {"t": 1}, "b": {"a": 3, "t": 8}, "t": {}}
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    h = [(0, src)]
    while h:
        d, u = heappop(h)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in weighted[u].items():
            if d + w < dist.get(v, float("inf")):
                dist[v] = d + w
                prev[v] = u
                heappush(h, (d + w, v))
    return dist, prev
dist, prev = dijkstra("s")
path, node = [], "t"
while node != "s":
    path.append(node)
    node = prev[node]
print(dist, list(reversed(path + ["s"])))
undirected = {1: [2], 2: [1, 3], 3: [2], 4: [5], 5: [4], 6: []}
def components():
    seen, comps = set(), []
    for n in undirected:
        if n in seen:
            continue
        stack, comp = [n], []
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            comp.append(x)
            stack.extend(undirected[x])
        comps.append(sorted(comp))
    return comps
print(components())
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heappush(h, v)
print([heappop(h) for _ in range(6)])
