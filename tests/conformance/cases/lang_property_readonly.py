# Assigning to a property without a setter ends the program with CPython's AttributeError.
class Account:
    def __init__(self, balance):
        self._balance = balance

    @property
    def balance(self):
        return self._balance


account = Account(10)
print(account.balance)
print(repr(staticmethod(len)), repr(classmethod(len)))
account.balance = 20
