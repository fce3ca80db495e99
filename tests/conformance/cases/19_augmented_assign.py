# Augmented assignment on names, list items, dict entries and attributes.
counter = 10
counter += 5
counter -= 3
counter *= 2
counter //= 5
counter %= 3
print(counter)
f = 1.5
f *= 4
f /= 3
f -= 0.5
print(f)
p = 2
p **= 5
print(p)

hits = [0, 0, 0]
for core in [0, 2, 2, 1, 2]:
    hits[core] += 1
print(hits)

stats = {"switches": 0, "handoffs": 0}
stats["switches"] += 3
stats["handoffs"] += 1
stats["switches"] += stats["handoffs"]
print(stats)

class Account:
    def __init__(self):
        self.balance = 0

acct = Account()
acct.balance += 100
acct.balance -= 30
print(acct.balance)

msg = "tick"
msg += "-tock"
msg *= 2
print(msg)

queue = [1]
alias = queue
queue += [2, 3]
print(queue, alias, queue is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
