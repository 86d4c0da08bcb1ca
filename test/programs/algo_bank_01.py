# A small object model: accounts, transactions, exceptions, __repr__, sorting and reporting.
class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account(#{self.id} {self.owner}: {self._balance})"
    def __lt__(self, other):
        return self._balance < other._balance
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, balance=0):
        acct = cls(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            return f"failed: {e}"
        self.accounts[dst].deposit(amount)
        return "ok"
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
a = bank.open(Account, "alice", 100)
b = bank.open(Savings, "bob", 250)
c = bank.open(Account, "carol")
print(bank.transfer(1, 3, 30), bank.transfer(3, 2, 50), bank.transfer(2, 1, 200))
print(b.add_interest(), b.balance, bank.total())
try:
    c.deposit(-5)
except ValueError as e:
    print("ValueError", e)
print(sorted(bank.accounts.values()), max(bank.accounts.values()), [acct.history for acct in bank.accounts.values()])
report = "\n".join(f"{acct.id:>3} {acct.owner:<8}{acct.balance:>10.2f} {type(acct).__name__}" for acct in bank.accounts.values())
print(report)
