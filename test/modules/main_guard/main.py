FLAG = "set"
import tool


def main():
    print("main: running main()")
    print(tool.describe())


if __name__ == "__main__":
    main()
print(__name__, tool.__name__)
import __main__
print(__main__.FLAG, __main__.main is main)
