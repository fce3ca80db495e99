# Indexing and slicing lists, strings and tuples.
cpus = ["cpu0", "cpu1", "cpu2", "cpu3", "cpu4"]
print(cpus[0], cpus[-1], cpus[-2])
print(cpus[1:3], cpus[:2], cpus[3:], cpus[:])
print(cpus[::2], cpus[1::2], cpus[::-1], cpus[-2:])
print(cpus[4:1:-1], cpus[10:], cpus[-10:2], cpus[3:1])

word = "threadlab"
print(word[0], word[-1], word[:6], word[6:], word[::-1], word[1:8:3])
print(word[100:], word[-3:], len(word[2:5]))

record = (10, 20, 30, 40)
print(record[1:3], record[::-1], record[-1], record[:0])

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], matrix[-1][0], matrix[0][1:])
column = [row[1] for row in matrix]
print(column)

log = "12:00:01: Thread 1: starting"
stamp = log[:8]
rest = log[10:]
print(stamp, "|", rest)
buf = [0] * 6
buf[2] = 7
print(buf, buf[1:4])
i = 3
print(cpus[i - 1], word[i * 2])
