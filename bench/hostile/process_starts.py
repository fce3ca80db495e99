from multiprocessing import Process


def work(i):
    return i * i


if __name__ == "__main__":
    for i in range(1000):
        child = Process(target=work, args=(i,))
        child.start()
        child.join()
    print("joined", i + 1)
