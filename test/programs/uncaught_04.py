# Uncaught custom exception from a method, with stdout output before it, and a traceback through a class.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")

acct = Account(100)
for amount in (30, 50, 40):
    print("withdrew", amount, "left", acct.withdraw(amount))
