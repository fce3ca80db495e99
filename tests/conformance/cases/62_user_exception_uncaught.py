# A user-defined exception that nobody catches ends the program; the last
# traceback line names the class and the message.
class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s cannot withdraw %d (balance %d)"
                                    % (self.owner, amount, self.balance))
        self.balance -= amount
        print(self.owner, "withdrew", amount)

acct = Account("bob", 50)
acct.withdraw(20)
acct.withdraw(20)
acct.withdraw(20)
print("not reached")
