# heapq and bisect: a priority queue in a list, binary search in a sorted list.
import heapq
import bisect

heap = []
for value in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, value)
print(heap, [heapq.heappop(heap) for _ in range(3)], heap)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
print(heapq.nsmallest(2, ["ccc", "a", "bb"], key=len), list(heapq.merge([1, 4, 7], [2, 5], [3])))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)

grades = [60, 70, 80, 90]
print(bisect.bisect(grades, 75), bisect.bisect_left(grades, 70), bisect.bisect_right(grades, 70))
print([("FDCBA"[bisect.bisect(grades, score)]) for score in [33, 99, 77, 70, 89, 90, 100]])
items = [1, 3, 5]
bisect.insort(items, 4)
bisect.insort_left(items, 3)
print(items, bisect.bisect_left(items, 3, 2), bisect.bisect_right([("a", 1), ("c", 3)], "b", key=lambda p: p[0]))
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print("ValueError:", e)
