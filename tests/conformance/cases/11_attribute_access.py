# Attribute access: reading and writing fields of objects, and class-level data.
class Thread:
    count = 0

    def __init__(self, name):
        self.name = name
        self.state = "new"
        self.cpu_time = 0
        Thread.count += 1

    def start(self):
        self.state = "ready"


t = Thread("worker-1")
print(t.name, t.state, t.cpu_time)
t.start()
print(t.state)
t.cpu_time = t.cpu_time + 5
t.priority = 3
print(t.cpu_time, t.priority)
u = Thread("worker-2")
print(Thread.count, t.count, u.count)
u.count = 99
print(Thread.count, u.count, t.count)

start = t.start
u.state = "blocked"
start()
print(t.state, u.state)

class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node

chain = Node(1, Node(2, Node(3, None)))
print(chain.next.next.value, chain.next.next.next)
total = 0
node = chain
while node is not None:
    total += node.value
    node = node.next
print("sum", total)
print("hello".upper().lower().startswith("he"))
