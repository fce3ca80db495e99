# Lists: a job backlog that grows and shrinks.
jobs = ["parse", "compile", "link"]
print(jobs, len(jobs))
jobs.append("test")
print(jobs)
first = jobs.pop(0)
last = jobs.pop()
print(first, last, jobs)
jobs.insert(0, "fetch")
jobs.extend(["package", "deploy"])
print(jobs)
print(jobs[0], jobs[-1], jobs[2])
jobs[1] = "configure"
print(jobs)
print(jobs.index("link"), jobs.count("link"), "deploy" in jobs, "lint" not in jobs)
jobs.remove("link")
print(jobs)

grid = [[0, 0, 0], [0, 0, 0]]
grid[1][2] = 5
print(grid)
empty = []
print(empty, len(empty), [] == empty)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [1, 2] < [1, 3])
mixed = [1, "two", 3.0, None, True, [4]]
print(mixed)
copy = jobs[:]
copy.append("extra")
print(len(jobs), len(copy))
