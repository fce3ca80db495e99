# A class with __init__, methods and attributes: the classic bank account.
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            self.history.append(("refused", amount))
            return False
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return True

    def statement(self):
        lines = ["Statement for " + self.owner]
        for kind, amount in self.history:
            lines.append("  %-8s %5d" % (kind, amount))
        lines.append("  balance  %5d" % self.balance)
        return "\n".join(lines)


alice = BankAccount("alice", 100)
bob = BankAccount("bob")
alice.deposit(50)
print(alice.withdraw(500))
print(alice.withdraw(120))
bob.deposit(7)
print(alice.statement())
print(bob.statement())
print(alice.balance + bob.balance)
accounts = [alice, bob]
print([a.owner for a in accounts if a.balance > 10])
