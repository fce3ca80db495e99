# Bank transfers between accounts with validation and a closing report.
class TransferError(Exception):
    pass

class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def open(self, owner, amount=0):
        self.accounts[owner] = amount

    def transfer(self, src, dst, amount):
        if src not in self.accounts or dst not in self.accounts:
            raise TransferError("unknown account in %s -> %s" % (src, dst))
        if amount <= 0:
            raise TransferError("amount must be positive, got %d" % amount)
        if self.accounts[src] < amount:
            raise TransferError("%s has only %d" % (src, self.accounts[src]))
        self.accounts[src] -= amount
        self.accounts[dst] += amount
        self.log.append((src, dst, amount))

    def total(self):
        return sum(self.accounts.values())


bank = Bank()
for owner, amount in [("alice", 100), ("bob", 50), ("carol", 0)]:
    bank.open(owner, amount)
requests = [("alice", "bob", 30), ("bob", "carol", 100), ("carol", "dave", 1),
            ("bob", "carol", 80), ("alice", "alice", 0), ("carol", "alice", 40)]
for src, dst, amount in requests:
    try:
        bank.transfer(src, dst, amount)
        print("ok     %-5s -> %-5s %4d" % (src, dst, amount))
    except TransferError as e:
        print("failed", e)
print("transfers:", len(bank.log), "money conserved:", bank.total() == 150)
for owner, amount in sorted(bank.accounts.items()):
    print(f"{owner:<6}{amount:>6}")
