// Sections: the lessons (data, in the course's order) · lookup · settings and steps · measures
#include "lessons/lessons.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "config/permalink.h"

namespace lessons {

namespace {

constexpr double kAny = std::numeric_limits<double>::infinity();

// --- The lessons ----------------------------------------------------------------------------------

const std::vector<Lesson> kLessons = {
    {
        .id = "address_space",
        .title = {"A process and its address space", "进程与它的地址空间"},
        .paragraphs = {
            {"A process is a running program together with its own address space: the memory only it can see. "
             "The lab draws that space in the Address space window, in four regions.",
             "进程就是一个正在运行的程序，加上只属于它自己的一块地址空间。实验室在“地址空间”窗口里把这块内存画成四个区域。"},
            {"Text holds the code the CPU executes (the program's functions, compiled to bytecode). Data holds the "
             "global variables: GREETING and scores. The heap holds the objects the program makes while it runs, "
             "such as the list and the dict. Each thread has a stack: one frame per call, with that call's locals.",
             "正文区（text）放的是 CPU 要执行的代码，也就是编译成字节码的各个函数；数据区（data）放全局变量，比如 GREETING 和 "
             "scores；堆（heap）放程序运行时创建的对象，比如那个列表和字典；每个线程各有一个栈（stack），每调用一次函数就压入一帧，"
             "帧里是这次调用的局部变量。"},
            {"Press Step a few times and watch frames appear on a stack when average() is called and vanish when it "
             "returns, and the dict appear on the heap.",
             "多按几次“单步”，看 average() 被调用时栈上多出一帧、返回时这一帧又消失，再看那个字典出现在堆上。"},
        },
        .settings = "",
        .sliders = {},
        .steps = {
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"The same regions on one CPU: the address space does not depend on how many CPUs run it.",
              "换成一个 CPU，各个区域完全一样：地址空间与用几个 CPU 来运行无关。"}},
            {{"Another seed", "换一个种子"}, "seed=7",
             {"Step until the worker sleeps: its stack keeps the frame of worker() and its local `mine`.",
              "单步执行到工作线程睡眠：它的栈上还留着 worker() 的帧和局部变量 mine。"}},
        },
        .predictions = {
            {.question = {"The program starts one thread besides the main thread. How many stacks will its address "
                          "space hold?",
                          "程序在主线程之外又启动了一个线程。它的地址空间里会有几个栈？"},
             .measure = Measure::Threads,
             .choices = {{{"1: threads share one stack", "1 个：线程共用一个栈"}, 1, 2},
                         {{"2: one per thread", "2 个：每个线程一个"}, 2, 3},
                         {{"3 or more", "3 个或更多"}, 3, kAny}},
             .where = {"Address space window: one stack per thread, beside the shared text, data and heap.",
                       "看“地址空间”窗口：每个线程一个栈，旁边是大家共用的正文区、数据区和堆。"}},
        },
    },
    {
        .id = "two_processes",
        .title = {"A program in execution", "执行中的程序"},
        .paragraphs = {
            {"A program is lifeless: instructions and data in a file. A process is one run of it. Run the same "
             "program twice and you get two processes, each with its own copy of the data.",
             "程序本身是死的：只是文件里的一堆指令和数据。进程则是程序的一次运行。同一个程序运行两次，就是两个进程，各有一份自己的数据。"},
            {"Here the main program starts WORKERS child processes with multiprocessing. Each child runs the same "
             "code and adds 1 to the global `counter`. Processes are dynamic (created, run, ended), independent "
             "(each has its own address space) and concurrent (they run at the same time).",
             "这里主程序用 multiprocessing 启动 WORKERS 个子进程。每个子进程运行同一份代码，把全局变量 counter 加 1。进程是动态的"
             "（创建、运行、结束），是独立的（各有各的地址空间），也是并发的（同时运行）。"},
            {"Watch the Threads window: each process has its own main thread, and the Address space window has a "
             "process selector.",
             "看“线程”窗口：每个进程都有自己的主线程；“地址空间”窗口可以切换查看各个进程。"},
        },
        .settings = "",
        .sliders = {"WORKERS"},
        .steps = {
            {{"4 children", "4 个子进程"}, "workers=4",
             {"Four processes, four copies of counter, each at 1.", "四个进程，四份 counter，每份都是 1。"}},
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"On one CPU the children take turns, yet they stay independent: the result is the same.",
              "只有一个 CPU 时子进程轮流运行，但它们仍然互不相干，结果不变。"}},
        },
        .predictions = {
            {.question = {"Each child adds 1 to the global counter. What does the parent print at the end?",
                          "每个子进程都把全局变量 counter 加 1。最后父进程打印出来的是多少？"},
             .measure = Measure::LastNumber,
             .line_with = "parent sees",
             .number_after = "counter = ",
             .choices = {{{"0", "0"}, 0, 1},
                         {{"1", "1"}, 1, 2},
                         {{"the number of children", "子进程的个数"}, 2, kAny}},
             .where = {"Output window, and each process's data region in Address space: the children changed their "
                       "own copies.",
                       "看“输出”窗口，再看“地址空间”里每个进程的数据区：子进程改的是它们自己的那一份。"}},
        },
    },
    {
        .id = "concurrency",
        .title = {"Concurrency vs parallelism", "并发与并行"},
        .paragraphs = {
            {"Concurrency: several threads are under way at once, taking turns on one CPU; at any instant only one "
             "runs. Parallelism: several CPUs, each running a thread at the same instant.",
             "并发：多个线程同时在进行，但它们在一个 CPU 上轮流运行，任何时刻只有一个在跑。并行：有多个 CPU，同一时刻各自运行一个线程。"},
            {"This lesson turns Python's GIL off, so the threads behave like threads of any language (lesson 7 "
             "explains the GIL). THREADS workers share the counting, and a waiter thread blocks on a sleep.",
             "这一课先把 Python 的 GIL 关掉，让线程像其他语言里的线程一样工作（第 7 课再讲 GIL）。THREADS 个工作线程分担计数，"
             "另有一个等待线程在 sleep 上阻塞。"},
            {"In the Timeline, the CPU lanes show who runs where. While the waiter is blocked, the others go on "
             "running: blocking costs a thread its turn, not the CPU's.",
             "在“时间线”里，CPU 泳道显示谁在哪个 CPU 上运行。等待线程阻塞的时候，其他线程照常运行：阻塞只让出了它自己的机会，CPU 并没有闲着。"},
        },
        .settings = "cpus=1&gil=off",
        .sliders = {"THREADS"},
        .steps = {
            {{"4 CPUs", "4 个 CPU"}, "cpus=4",
             {"Four CPU lanes busy at the same time: the speedup in Run metrics is close to 4.",
              "四条 CPU 泳道同时忙碌：“运行指标”里的加速比接近 4。"}},
            {{"2 CPUs", "2 个 CPU"}, "cpus=2",
             {"Two lanes, two threads at a time: about twice as fast.", "两条泳道，每次两个线程：大约快一倍。"}},
            {{"1 CPU, 8 threads", "1 个 CPU，8 个线程"}, "threads=8",
             {"More threads on one CPU only means more turns, not less time.", "一个 CPU 上线程再多，也只是轮换更多次，时间并不会少。"}},
        },
        .predictions = {
            {.question = {"4 threads share the work on 1 CPU. How much faster than 1 thread doing it all?",
                          "4 个线程在 1 个 CPU 上分担工作。比 1 个线程单独做快多少？"},
             .measure = Measure::Speedup,
             .choices = {{{"no faster (about 1x)", "并不更快（约 1 倍）"}, 0, 1.5},
                         {{"about 2x", "约 2 倍"}, 1.5, 3},
                         {{"about 4x", "约 4 倍"}, 3, kAny}},
             .where = {"Timeline: on one CPU lane the threads take turns, one at a time.",
                       "看“时间线”：在唯一的 CPU 泳道上，线程一个接一个地轮流运行。"}},
            {.step = 1,
             .question = {"Now 4 CPUs. How much faster than 1 thread?", "现在有 4 个 CPU。比 1 个线程快多少？"},
             .measure = Measure::Speedup,
             .choices = {{{"no faster (about 1x)", "并不更快（约 1 倍）"}, 0, 1.5},
                         {{"about 2x", "约 2 倍"}, 1.5, 3},
                         {{"about 4x", "约 4 倍"}, 3, kAny}},
             .where = {"Timeline: the four CPU lanes are busy at the same instant.",
                       "看“时间线”：四条 CPU 泳道在同一时刻都在忙。"}},
        },
    },
    {
        .id = "thread_switch",
        .title = {"Threads and the TCB", "线程与线程控制块"},
        .paragraphs = {
            {"A thread is what the scheduler schedules. Its thread control block (TCB) holds its state (new, ready, "
             "running, blocked, terminated), and when it is not running, its saved context: which instruction it "
             "was at, in which frame, with which locals.",
             "线程是调度器调度的单位。它的线程控制块（TCB）记录它的状态（新建、就绪、运行、阻塞、终止），在它不运行时还保存着它的"
             "上下文：执行到哪条指令、在哪一帧、局部变量是什么。"},
            {"Threads a and b count down on one CPU. Each has its own stack and its own n, but they share the "
             "process's code and globals.",
             "线程 a 和 b 在同一个 CPU 上倒数计数。它们各有自己的栈和自己的 n，却共用进程的代码和全局变量。"},
            {"Click thread a in the Threads window and press Step slice until the CPU switches: a's state turns to "
             "ready and its saved context keeps the instruction and the value of n where it stopped.",
             "在“线程”窗口点选线程 a，反复按“单步一片”直到 CPU 切换：a 的状态变成就绪，保存的上下文记着它停下时的指令和 n 的值。"},
        },
        .settings = "cpus=1",
        .sliders = {"WORK"},
        .steps = {
            {{"Less work", "减少工作量"}, "work=10000",
             {"Each thread finishes within one turn: few switches in the Timeline.", "每个线程在一轮之内就做完了：时间线上切换很少。"}},
            {{"2 CPUs", "2 个 CPU"}, "cpus=2",
             {"Two CPUs, yet the GIL still lets one thread run Python at a time: watch the GIL lane.",
              "有两个 CPU，但 GIL 仍然只让一个线程执行 Python：看 GIL 那条泳道。"}},
            {{"Switch interval 1 ms", "切换间隔 1 毫秒"}, "switch-interval=1ms",
             {"A shorter switch interval: the threads are switched far more often.", "切换间隔变短，线程被切换得频繁多了。"}},
        },
        .predictions = {
            {.question = {"a and b each count down from 100000 on one CPU. How many context switches will the run "
                          "make?",
                          "a 和 b 在一个 CPU 上各自从 100000 倒数。整个运行会发生多少次上下文切换？"},
             .measure = Measure::ContextSwitches,
             .choices = {{{"under 4: a runs to the end, then b", "少于 4 次：a 跑完再跑 b"}, 0, 4},
                         {{"4 to 30", "4 到 30 次"}, 4, 31},
                         {{"more than 30", "多于 30 次"}, 31, kAny}},
             .where = {"Timeline: each change of colour on the CPU lane is a switch; Run metrics counts them.",
                       "看“时间线”：CPU 泳道上每换一次颜色就是一次切换；“运行指标”里有总数。"}},
        },
    },
    {
        .id = "process_vs_thread",
        .title = {"Process vs thread", "进程与线程的区别"},
        .paragraphs = {
            {"A process owns resources: its address space, its open files, its own interpreter. A thread owns "
             "almost nothing: a stack and a TCB. It shares everything else with the other threads of its process.",
             "进程拥有资源：地址空间、打开的文件、自己的解释器。线程几乎什么都不拥有，只有一个栈和一个 TCB，其余的一切都与同一进程里的其他线程共享。"},
            {"That is why a process is costly to create and to switch to, and a thread is cheap. The program times "
             "how long starting its threads and then its processes takes, and the costs below set the simulated "
             "machine's figures beside your own computer's (measured in the Real machine window, View menu).",
             "所以创建进程、切换进程的代价都大，而线程很便宜。程序分别计时启动线程和启动进程要多久；下面的表格把模拟机器的代价和你自己电脑上的实测值"
             "（在“视图”菜单的“真实机器”窗口里测量）放在一起对比。"},
            {"Here WORKERS threads and then WORKERS processes each append to the global list results. Watch the "
             "Address space window: the threads append to the main program's list, each process to its own copy.",
             "这里先让 WORKERS 个线程、再让 WORKERS 个进程各自往全局列表 results 里追加一项。看“地址空间”窗口：线程追加到主程序的列表里，"
             "每个进程则追加到它自己的那份副本里。"},
        },
        .settings = "",
        .sliders = {"WORKERS"},
        .steps = {
            {{"8 of each", "各 8 个"}, "workers=8",
             {"Eight more items from the threads; still none from the processes.", "线程多贡献了 8 项；进程依然一项也没有。"}},
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"Threads view: each process has its own main thread, and the threads belong to the first process.",
              "看“线程”窗口：每个进程都有自己的主线程，而那些线程都属于第一个进程。"}},
        },
        .predictions = {
            {.question = {"WORKERS threads and WORKERS processes each append one item to the global list. How many "
                          "items does the main program's list hold at the end?",
                          "WORKERS 个线程和 WORKERS 个进程各往全局列表里追加一项。最后主程序的列表里有几项？"},
             .measure = Measure::LastNumber,
             .line_with = "list holds",
             .number_after = "list holds ",
             .per_slider = "WORKERS",
             .choices = {{{"none", "一项也没有"}, 0, 0.5},
                         {{"WORKERS: only the threads'", "WORKERS 项：只有线程追加的"}, 0.5, 1.5},
                         {{"twice WORKERS: all of them", "2 × WORKERS 项：全部都在"}, 1.5, kAny}},
             .where = {"Address space: the main process's heap has the list; each child process had its own.",
                       "看“地址空间”：主进程的堆里有这个列表；每个子进程都有过自己的一份。"}},
            {.question = {"Starting a process against starting a thread: how many times as long does it take?",
                          "启动一个进程和启动一个线程相比，要多花几倍的时间？"},
             .measure = Measure::LastNumber,
             .line_with = "times as long",
             .number_after = "process took ",
             .choices = {{{"about as long (under 2x)", "差不多（不到 2 倍）"}, 0, 2},
                         {{"2 to 5 times", "2 到 5 倍"}, 2, 5},
                         {{"more than 5 times", "超过 5 倍"}, 5, kAny}},
             .where = {"Output: each kind's time to start; Timeline: the main thread's long turn while it creates "
                       "each process.",
                       "看“输出”里两种各自的启动时间；再看“时间线”：主线程每创建一个进程都要占用很长一段时间。"}},
        },
        .costs = {
            {{"create a thread", "创建一个线程"}, SimulatedCost::ThreadCreate, RealCost::ThreadCreate},
            {{"create a process", "创建一个进程"}, SimulatedCost::ProcessCreate, RealCost::None},
            {{"switch between threads", "在线程之间切换"}, SimulatedCost::ThreadSwitch, RealCost::ThreadHandoff},
            {{"switch between processes", "在进程之间切换"}, SimulatedCost::ProcessSwitch, RealCost::None},
        },
    },
    {
        .id = "coroutines",
        .title = {"Coroutines", "协程"},
        .paragraphs = {
            {"A coroutine is lighter than a thread. The kernel never switches it: it gives the CPU away itself, at "
             "each await, and the event loop runs another one that is ready.",
             "协程比线程更轻。内核从不切换它：它在每个 await 处自己让出 CPU，事件循环再去运行另一个已经就绪的协程。"},
            {"All the coroutines run on one thread, so between two awaits nothing else runs: no locks are needed for "
             "that code. A waiting coroutine costs a small object, not a stack and a TCB, so the more of them, the "
             "bigger the advantage over threads.",
             "所有协程都在同一个线程上运行，所以在两个 await 之间不会有别的代码插进来，这段代码用不着锁。一个等待中的协程只占一个小对象，"
             "不需要栈和 TCB，所以协程越多，相比线程的优势就越大。"},
            {"Watch the Threads window: one thread only, however many TASKS. The Output shows when each task starts "
             "and ends. THREADS = 1 does the same waiting with one thread per task: compare the context switches "
             "in Run metrics, and the stacks in Address space.",
             "看“线程”窗口：不管 TASKS 有多少，始终只有一个线程。“输出”窗口显示每个任务何时开始、何时结束。把 THREADS 设为 1，"
             "就改成每个任务一个线程来做同样的等待：比较“运行指标”里的上下文切换次数，以及“地址空间”里栈的个数。"},
        },
        .settings = "",
        .sliders = {"TASKS", "THREADS"},
        .steps = {
            {{"32 tasks", "32 个任务"}, "tasks=32",
             {"32 tasks, still one thread and about one second.", "32 个任务，依然只有一个线程，依然约一秒。"}},
            {{"1 task", "1 个任务"}, "tasks=1",
             {"One task takes as long as three: the waits overlap.", "一个任务和三个任务用时一样：等待是重叠的。"}},
            {{"1 000 coroutines", "1000 个协程"}, "tasks=1000",
             {"Run metrics: a handful of context switches for a thousand tasks; Threads: still one.",
              "看“运行指标”：一千个任务只有寥寥几次上下文切换；“线程”窗口里仍然只有一个线程。"}},
            {{"1 000 threads", "1000 个线程"}, "tasks=1000&threads=1",
             {"Run metrics: thousands of context switches; Address space: a thousand stacks.",
              "看“运行指标”：几千次上下文切换；“地址空间”里有一千个栈。"}},
        },
        .predictions = {
            {.question = {"3 tasks each await asyncio.sleep(1.0) on one thread. How long does the run take?",
                          "3 个任务在同一个线程上各自 await asyncio.sleep(1.0)。整个运行要多久？"},
             .measure = Measure::WallSeconds,
             .choices = {{{"about 1 s", "约 1 秒"}, 0, 2},
                         {{"about 3 s", "约 3 秒"}, 2, 4.5},
                         {{"more than 4 s", "超过 4 秒"}, 4.5, kAny}},
             .where = {"Timeline: the one thread is idle while all three sleeps run at once.",
                       "看“时间线”：三个 sleep 同时进行的时候，那一个线程是空闲的。"}},
            {.step = 3,
             .question = {"1 000 coroutines each await a sleep on one thread. How many context switches does the "
                          "kernel make?",
                          "1000 个协程在同一个线程上各自 await 一次 sleep。内核要做多少次上下文切换？"},
             .measure = Measure::ContextSwitches,
             .choices = {{{"fewer than 10", "不到 10 次"}, 0, 10},
                         {{"10 to 1 000", "10 到 1000 次"}, 10, 1001},
                         {{"more than 1 000", "超过 1000 次"}, 1001, kAny}},
             .where = {"Timeline: one thread lane; the event loop switches the tasks without the kernel.",
                       "看“时间线”：只有一条线程泳道；任务之间的切换由事件循环完成，不经过内核。"}},
            {.step = 4,
             .question = {"Now 1 000 threads each sleep instead. How many context switches does the kernel make?",
                          "现在改成 1000 个线程各自 sleep。内核要做多少次上下文切换？"},
             .measure = Measure::ContextSwitches,
             .choices = {{{"fewer than 10", "不到 10 次"}, 0, 10},
                         {{"10 to 1 000", "10 到 1000 次"}, 10, 1001},
                         {{"more than 1 000", "超过 1000 次"}, 1001, kAny}},
             .where = {"Timeline and Threads: a thousand lanes, each put on the CPU to start, and again after its "
                       "sleep.",
                       "看“时间线”和“线程”窗口：一千条泳道，每个线程开始时上一次 CPU，睡醒后再上一次。"}},
        },
        .costs = {
            {{"switch between coroutines", "在协程之间切换"}, SimulatedCost::None, RealCost::FiberSwitch},
            {{"switch between threads", "在线程之间切换"}, SimulatedCost::ThreadSwitch, RealCost::ThreadHandoff},
            {{"memory of a coroutine", "一个协程占的内存"}, SimulatedCost::None, RealCost::FiberBytes},
            {{"memory of a thread (its stack)", "一个线程占的内存（它的栈）"}, SimulatedCost::None, RealCost::ThreadStack},
        },
    },
    {
        .id = "gil_mixed",
        .title = {"The GIL", "全局解释器锁（GIL）"},
        .paragraphs = {
            {"CPython's Global Interpreter Lock lets only one thread of a process execute Python bytecode at a time. "
             "A thread that waits (for I/O, a sleep, a lock) lets it go; a thread that computes keeps it until the "
             "switch interval (5 ms) makes it hand it over.",
             "CPython 的全局解释器锁（GIL）让一个进程里同一时刻只有一个线程能执行 Python 字节码。线程在等待（I/O、sleep、锁）时会放开它；"
             "一直在计算的线程则会一直拿着，直到切换间隔（5 毫秒）到了才被要求交出。"},
            {"So CPU-bound threads get no faster on more CPUs, while I/O-bound threads do: their waits overlap. "
             "IO_SHARE sets how much of each round is waiting. Free-threaded Python (GIL off) and multiprocessing "
             "(one GIL per process) run CPU-bound work in parallel.",
             "因此 CPU 密集的线程在多个 CPU 上也快不起来，而 I/O 密集的线程可以：它们的等待会重叠。IO_SHARE 设定每一轮里等待所占的比例。"
             "自由线程的 Python（关掉 GIL）和 multiprocessing（每个进程一把 GIL）都能让 CPU 密集的工作真正并行。"},
            {"Watch the GIL lane of the Timeline, and the speedup in Run metrics (View menu).",
             "看“时间线”里的 GIL 泳道，以及“运行指标”（在“视图”菜单里）中的加速比。"},
        },
        .settings = "io_share=0",
        .sliders = {"THREADS", "IO_SHARE"},
        .steps = {
            {{"GIL off", "关掉 GIL"}, "gil=off",
             {"Free-threaded: all four CPU lanes busy at once, the speedup near 4.",
              "自由线程：四条 CPU 泳道同时忙碌，加速比接近 4。"}},
            {{"I/O-bound (IO_SHARE 100)", "I/O 密集（IO_SHARE 100）"}, "io_share=100",
             {"With the GIL on, waiting threads overlap: the speedup is near 4 again.",
              "GIL 仍然开着，但等待中的线程可以重叠：加速比又接近 4。"}},
            {{"Switch interval 1 ms", "切换间隔 1 毫秒"}, "switch-interval=1ms",
             {"More hand-offs on the GIL lane, and no speedup.", "GIL 泳道上的交接更多了，但加速比没有变化。"}},
        },
        .predictions = {
            {.question = {"4 CPU-bound threads on 4 CPUs, with the GIL: how much faster than one thread?",
                          "4 个 CPU 密集的线程，4 个 CPU，GIL 开着：比一个线程快多少？"},
             .measure = Measure::Speedup,
             .choices = {{{"no faster (under 1.5x)", "并不更快（不到 1.5 倍）"}, 0, 1.5},
                         {{"about 2x", "约 2 倍"}, 1.5, 3},
                         {{"about 4x", "约 4 倍"}, 3, kAny}},
             .where = {"Timeline, GIL lane: one holder at a time, handed over every switch interval.",
                       "看“时间线”的 GIL 泳道：每次只有一个持有者，每过一个切换间隔交接一次。"}},
            {.step = 2,
             .question = {"Now every round only waits (IO_SHARE 100), GIL on: how much faster than one thread?",
                          "现在每一轮都只是等待（IO_SHARE 100），GIL 开着：比一个线程快多少？"},
             .measure = Measure::Speedup,
             .choices = {{{"no faster (under 1.5x)", "并不更快（不到 1.5 倍）"}, 0, 1.5},
                         {{"about 2x", "约 2 倍"}, 1.5, 3},
                         {{"about 4x", "约 4 倍"}, 3, kAny}},
             .where = {"Timeline: the threads' sleeps overlap, and the GIL lane is mostly free.",
                       "看“时间线”：各线程的 sleep 相互重叠，GIL 泳道大部分时间是空闲的。"}},
        },
    },
    {
        .id = "first_thread",
        .title = {"Your first thread", "你的第一个线程"},
        .paragraphs = {
            {"threading.Thread(target=worker, args=(1,)) makes a thread object that will call worker(1); start() "
             "makes it run. Note the comma: args is a tuple.",
             "threading.Thread(target=worker, args=(1,)) 创建一个线程对象，它将来会调用 worker(1)；start() 让它开始运行。注意那个逗号：args 是一个元组。"},
            {"join() makes the main thread wait until the worker ends. With JOIN = 0 the main thread does not wait "
             "and prints \"all done\" at once, but Python still waits for the worker before the program exits.",
             "join() 让主线程一直等到工作线程结束。把 JOIN 设为 0，主线程就不等了，会立刻打印 \"all done\"；但程序退出之前，Python 仍然会等工作线程结束。"},
            {"Look at the Timeline: the main thread's lane is blocked on join while the worker sleeps.",
             "看“时间线”：工作线程睡眠的时候，主线程的泳道阻塞在 join 上。"},
        },
        .settings = "",
        .sliders = {"JOIN"},
        .steps = {
            {{"Without join (JOIN 0)", "不调用 join（JOIN 0）"}, "join=0",
             {"Output: \"all done\" comes before the worker finishes; the program still ends at 2 s.",
              "看“输出”：\"all done\" 出现在工作线程结束之前；程序仍然在 2 秒时才结束。"}},
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"One CPU changes nothing here: the threads mostly wait.", "一个 CPU 在这里没有任何影响：线程大部分时间都在等待。"}},
        },
        .predictions = {
            {.question = {"With join(), which line is printed last?", "调用了 join()，最后打印的是哪一行？"},
             .measure = Measure::LastLineHas,
             .line_with = "all done",
             .choices = {{{"Thread 1: finishing", "Thread 1: finishing"}, 0, 1},
                         {{"Main: all done", "Main: all done"}, 1, 2}},
             .where = {"Timeline: the main thread wakes from join only when the worker ends.",
                       "看“时间线”：工作线程结束后，主线程才从 join 中醒来。"}},
            {.step = 1,
             .question = {"Without join(), which line is printed last?", "不调用 join()，最后打印的是哪一行？"},
             .measure = Measure::LastLineHas,
             .line_with = "all done",
             .choices = {{{"Thread 1: finishing", "Thread 1: finishing"}, 0, 1},
                         {{"Main: all done", "Main: all done"}, 1, 2}},
             .where = {"Output: the main thread's last line comes first; the worker's comes 2 s later.",
                       "看“输出”：主线程的最后一行先出来，工作线程那一行要晚 2 秒。"}},
        },
    },
    {
        .id = "thread_constructor",
        .title = {"The Thread constructor", "Thread 的构造参数"},
        .paragraphs = {
            {"Thread(group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None). group is reserved "
             "and must be None; target is what run() calls, with args and kwargs; name is for people; daemon says "
             "whether the program waits for it.",
             "Thread(group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None)。group 是保留参数，必须是 None；target 是 run() "
             "要调用的函数，参数来自 args 和 kwargs；name 是给人看的名字；daemon 决定程序退出时是否等它。"},
            {"A thread without a name gets \"Thread-N\" (and the target's name after it); only unnamed threads use "
             "up a number. A subclass overrides run() and must call Thread.__init__ first.",
             "没有名字的线程会得到 \"Thread-N\"（后面再跟上 target 的名字）；只有没起名字的线程才会占用一个编号。子类可以重写 run()，"
             "但必须先调用 Thread.__init__。"},
            {"Click each thread in the Threads window: its name and daemon flag are in its TCB.",
             "在“线程”窗口里逐个点选线程：它的名字和 daemon 标志都记录在 TCB 里。"},
        },
        .settings = "",
        .sliders = {},
        .steps = {
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"The same names on one CPU: they are set when the threads are created.",
              "一个 CPU 上名字也一样：名字在线程创建时就定下了。"}},
            {{"Another seed", "换一个种子"}, "seed=3",
             {"Threads window: greeter, Thread-1 and Thread-2 (greet), whatever the schedule.",
              "看“线程”窗口：不管怎么调度，都是 greeter、Thread-1 和 Thread-2 (greet)。"}},
        },
        .predictions = {
            {.question = {"The third thread is created without a name, after a named one and an unnamed subclass. "
                          "Which number does its default name get?",
                          "第三个线程没有名字，在它之前有一个起了名字的线程和一个没起名字的子类线程。它的默认名字是几号？"},
             .measure = Measure::LastNumber,
             .line_with = "created Thread-",
             .number_after = "created Thread-",
             .choices = {{{"Thread-1", "Thread-1"}, 1, 2},
                         {{"Thread-2", "Thread-2"}, 2, 3},
                         {{"Thread-3", "Thread-3"}, 3, 4}},
             .where = {"Output, then each thread's name in the Threads window.", "看“输出”，再看“线程”窗口里每个线程的名字。"}},
        },
    },
    {
        .id = "daemon_thread",
        .title = {"Daemon threads", "守护线程"},
        .paragraphs = {
            {"A daemon thread is one the program does not wait for. When the main thread's code ends and only "
             "daemon threads are left, the program exits and they are killed where they stand.",
             "守护线程是程序不会等待的线程。主线程的代码结束后，如果只剩下守护线程，程序就直接退出，守护线程在哪儿就死在哪儿。"},
            {"Here the worker, made with daemon=True, sleeps 2 s before its last log line. The main thread does not "
             "join it.",
             "这里的工作线程用 daemon=True 创建，在写最后一行日志之前要睡 2 秒。主线程没有 join 它。"},
            {"Look at the worker's TCB (daemon: yes) and at where the Timeline ends.",
             "看工作线程的 TCB（daemon：是），再看“时间线”在哪里结束。"},
        },
        .settings = "",
        .sliders = {},
        .steps = {
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"Still no \"finishing\": it is not about CPUs.", "还是没有 \"finishing\"：这和 CPU 个数无关。"}},
            {{"Another seed", "换一个种子"}, "seed=11",
             {"Another schedule, the same end: the run stops long before 2 s.", "换一种调度，结局相同：运行在 2 秒之前很久就停了。"}},
        },
        .predictions = {
            {.question = {"Will \"Thread 1: finishing\" be printed?", "会打印出 \"Thread 1: finishing\" 吗？"},
             .measure = Measure::LinesWith,
             .line_with = "finishing",
             .choices = {{{"yes", "会"}, 1, kAny}, {{"no", "不会"}, 0, 1}},
             .where = {"Timeline: the run ends while the daemon is still blocked in its sleep.",
                       "看“时间线”：运行结束时，守护线程还阻塞在 sleep 里。"}},
        },
    },
    {
        .id = "many_threads",
        .title = {"Several threads logging", "多个线程写日志"},
        .paragraphs = {
            {"The main thread starts THREADS workers in order, then joins them in order. Each worker logs when it "
             "starts, sleeps 2 s, and logs when it finishes.",
             "主线程按顺序启动 THREADS 个工作线程，再按顺序 join 它们。每个工作线程开始时写一行日志，睡 2 秒，结束时再写一行。"},
            {"Each thread's own lines keep their order, but how the threads' lines interleave is up to the "
             "scheduler. Another seed, another number of CPUs, another time slice: perhaps another order.",
             "每个线程自己的几行日志顺序不变，但不同线程的日志怎样交错，由调度器决定。换一个种子、换 CPU 个数、换时间片，顺序可能就不一样了。"},
            {"The Timeline shows why: who was on a CPU when each line was written.", "“时间线”能告诉你原因：每一行写出的时候，谁在 CPU 上。"},
        },
        .settings = "",
        .sliders = {"THREADS"},
        .steps = {
            {{"6 threads", "6 个线程"}, "threads=6",
             {"Output: the starting lines in order, the finishing lines as the sleeps end.",
              "看“输出”：starting 按顺序出现，finishing 则按 sleep 结束的先后出现。"}},
            {{"1 CPU, another seed", "1 个 CPU，换个种子"}, "cpus=1&seed=5",
             {"Timeline: on one CPU the threads take turns after their sleeps.", "看“时间线”：一个 CPU 上，线程睡醒后轮流运行。"}},
            {{"I/O latency varies", "I/O 延迟随机"}, "io-latency=uniform:1ms..9ms",
             {"Output: compare the order with the previous run's.", "看“输出”：和上一次的顺序比一比。"}},
        },
        .predictions = {
            {.question = {"Threads 0, 1 and 2 start in that order and each sleeps 2 s. Which one logs \"finishing\" "
                          "first?",
                          "线程 0、1、2 按这个顺序启动，各睡 2 秒。谁最先写出 \"finishing\"？"},
             .measure = Measure::FirstNumber,
             .line_with = "finishing",
             .number_after = "Thread ",
             .choices = {{{"Thread 0", "线程 0"}, 0, 1},
                         {{"Thread 1", "线程 1"}, 1, 2},
                         {{"Thread 2 or later", "线程 2 或更后的"}, 2, kAny}},
             .where = {"Timeline: whose sleep ends first, and who gets a CPU first after it.",
                       "看“时间线”：谁的 sleep 先结束，之后谁先拿到 CPU。"}},
        },
    },
    {
        .id = "thread_pool",
        .title = {"ThreadPoolExecutor", "线程池 ThreadPoolExecutor"},
        .paragraphs = {
            {"A ThreadPoolExecutor starts up to max_workers threads and hands them tasks from a queue: a worker that "
             "finishes a task takes the next. The with-block waits for all of them at its end.",
             "ThreadPoolExecutor 最多启动 max_workers 个线程，从队列里给它们分派任务：一个工作线程做完手上的任务，就去取下一个。"
             "with 块结束时会等所有线程做完。"},
            {"Here 3 tasks of 2 s each go to a pool of WORKERS workers, which starts at 1.",
             "这里有 3 个任务，每个 2 秒，交给 WORKERS 个工作线程的池子，开始时只有 1 个。"},
            {"Watch the thread lanes of the Timeline: each task is a sleep, taken by whichever worker is free.",
             "看“时间线”里的线程泳道：每个任务就是一段 sleep，由哪个工作线程空着就交给谁。"},
        },
        .settings = "workers=1",
        .sliders = {"WORKERS"},
        .steps = {
            {{"3 workers", "3 个工作线程"}, "workers=3",
             {"Three workers, three tasks at once: about 2 s.", "三个工作线程，三个任务同时进行：约 2 秒。"}},
            {{"2 workers", "2 个工作线程"}, "workers=2",
             {"Two at once, then the third: about 4 s.", "先同时做两个，再做第三个：约 4 秒。"}},
        },
        .predictions = {
            {.question = {"3 tasks of 2 s each, a pool of 1 worker. How long does the run take?",
                          "3 个各需 2 秒的任务，池子里只有 1 个工作线程。整个运行要多久？"},
             .measure = Measure::WallSeconds,
             .choices = {{{"about 2 s", "约 2 秒"}, 0, 3},
                         {{"about 4 s", "约 4 秒"}, 3, 5},
                         {{"about 6 s", "约 6 秒"}, 5, kAny}},
             .where = {"Timeline: one worker lane takes the three sleeps one after another.",
                       "看“时间线”：一条工作线程泳道把三段 sleep 一个接一个地做完。"}},
            {.step = 1,
             .question = {"Now 3 workers. How long?", "现在有 3 个工作线程。要多久？"},
             .measure = Measure::WallSeconds,
             .choices = {{{"about 2 s", "约 2 秒"}, 0, 3},
                         {{"about 4 s", "约 4 秒"}, 3, 5},
                         {{"about 6 s", "约 6 秒"}, 5, kAny}},
             .where = {"Timeline: three worker lanes sleep side by side.", "看“时间线”：三条工作线程泳道并排睡眠。"}},
        },
    },
    {
        .id = "race",
        .title = {"Race condition", "竞态条件"},
        .paragraphs = {
            {"FakeDatabase.update reads the shared value into a local copy, adds 1, sleeps, and writes the copy "
             "back. Each of WORKERS threads calls it once, so the value should end at WORKERS.",
             "FakeDatabase.update 把共享的值读进一个局部副本，加 1，睡一会儿，再把副本写回去。WORKERS 个线程各调用一次，所以最后的值应该是 WORKERS。"},
            {"But every thread reads the value before any has written it back: each writes its stale copy, and the "
             "updates overwrite each other. That is a race condition: the result depends on the interleaving.",
             "可是每个线程都在别人写回之前就读了值：各自写回的都是过时的副本，更新互相覆盖。这就是竞态条件：结果取决于线程交错的方式。"},
            {"Step through it: in the Threads window, each thread's local_copy is 1 while self.value is still 0.",
             "单步执行：在“线程”窗口里，每个线程的 local_copy 都是 1，而 self.value 还是 0。"},
        },
        .settings = "",
        .sliders = {"WORKERS"},
        .steps = {
            {{"5 workers", "5 个工作线程"}, "workers=5",
             {"Five updates, one kept: Output's last line.", "五次更新，只留下一次：看“输出”的最后一行。"}},
            {{"1 worker", "1 个工作线程"}, "workers=1",
             {"Alone, nothing is lost: a race needs two.", "只有一个线程时什么都不会丢：竞态至少需要两个线程。"}},
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"One CPU does not save it: the sleep lets the other thread in.", "一个 CPU 也救不了：sleep 让另一个线程插了进来。"}},
        },
        .predictions = {
            {.question = {"WORKERS threads each add 1 to the value. What is the ending value?",
                          "WORKERS 个线程各把值加 1。最后的值是多少？"},
             .measure = Measure::LastNumber,
             .line_with = "Ending value",
             .number_after = "Ending value is ",
             .per_slider = "WORKERS",
             .choices = {{{"WORKERS: every update counts", "WORKERS：每次更新都算数"}, 0.999, kAny},
                         {{"less: updates are lost", "更少：有更新丢失了"}, 0, 0.999}},
             .where = {"Timeline: both threads read before either writes; their sleeps overlap.",
                       "看“时间线”：两个线程都在对方写回之前读了值，它们的 sleep 是重叠的。"}},
        },
    },
    {
        .id = "race_with_lock",
        .title = {"Lock", "锁"},
        .paragraphs = {
            {"The same update under a threading.Lock: `with self._lock:` acquires it and releases it at the end of "
             "the block, even after an exception. It is the same as acquire(), then release() in a finally.",
             "同样的更新，这次放在 threading.Lock 之下：`with self._lock:` 进入时获取锁，块结束时释放，即使出了异常也会释放。"
             "它等价于先 acquire()，再在 finally 里 release()。"},
            {"Only one thread at a time is inside the critical section, so no update is lost. The price is "
             "contention: the others wait.",
             "同一时刻只有一个线程在临界区里，所以不会丢更新。代价是争用：其他线程只能等着。"},
            {"In the Timeline a thread waiting for the lock is blocked; its TCB names the lock and who holds it.",
             "在“时间线”上，等锁的线程处于阻塞状态；它的 TCB 写着在等哪把锁、锁被谁拿着。"},
        },
        .settings = "",
        .sliders = {"WORKERS"},
        .steps = {
            {{"5 workers", "5 个工作线程"}, "workers=5",
             {"Five updates, five kept, one after another: about 0.5 s.", "五次更新全都保住了，一个接一个：约 0.5 秒。"}},
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"The lock, not the CPU, sets the pace.", "决定快慢的是锁，而不是 CPU。"}},
        },
        .predictions = {
            {.question = {"With the lock, what is the ending value?", "加了锁，最后的值是多少？"},
             .measure = Measure::LastNumber,
             .line_with = "Ending value",
             .number_after = "Ending value is ",
             .per_slider = "WORKERS",
             .choices = {{{"WORKERS: every update counts", "WORKERS：每次更新都算数"}, 0.999, kAny},
                         {{"less: updates are lost", "更少：有更新丢失了"}, 0, 0.999}},
             .where = {"Timeline: the second thread is blocked on the lock until the first releases it.",
                       "看“时间线”：第二个线程阻塞在锁上，直到第一个线程释放它。"}},
            {.question = {"And how long do the 2 updates take, each sleeping 0.1 s inside the lock?",
                          "那么这 2 次更新要多久？每次都在锁里睡 0.1 秒。"},
             .measure = Measure::WallSeconds,
             .choices = {{{"about 0.1 s", "约 0.1 秒"}, 0, 0.15},
                         {{"about 0.2 s", "约 0.2 秒"}, 0.15, 0.3},
                         {{"more than 0.3 s", "超过 0.3 秒"}, 0.3, kAny}},
             .where = {"Timeline: the sleeps no longer overlap.", "看“时间线”：两段 sleep 不再重叠了。"}},
        },
    },
    {
        .id = "race_hidden",
        .title = {"A race the default schedule hides", "被默认调度掩盖的竞态"},
        .paragraphs = {
            {"THREADS threads each do `counter += 1` once, with no sleep this time, and the program asserts at the "
             "end that no update was lost. They run on one CPU, taking turns: where a thread is cut off is the "
             "scheduler's choice alone. Run it: it prints the right count, and the assert holds.",
             "THREADS 个线程各执行一次 `counter += 1`，这次中间没有 sleep；程序最后用 assert 检查有没有丢掉更新。"
             "它们在一个 CPU 上轮流运行：线程在哪里被打断，完全由调度器决定。运行一下：打印出来的计数是对的，assert 也通过了。"},
            {"Yet the race is still there. `counter += 1` is three steps: load the global, add 1, store it back. A "
             "thread preempted between its load and its store writes back a stale count. The default schedule never "
             "preempts there, and the seeds you try may miss it too: one run, or ten, proves nothing.",
             "可是竞态依然存在。`counter += 1` 其实是三步：读出全局变量、加 1、再写回去。一个线程如果在读和写之间被抢占，"
             "它写回的就是过时的计数。默认调度恰好从不在那里抢占，换几个种子也未必碰得上：跑一次也好，跑十次也好，都证明不了什么。"},
            {"Let the lab try the schedules for you: View → Explore schedules, then Explore. It runs the program under "
             "every interleaving that matters (at most 2 preemptions) and groups the runs by outcome. Find the failing "
             "one, the AssertionError, and press its Replay: the lab runs that schedule, and the Timeline marks where "
             "a thread was preempted, who read `counter` and who wrote it back too late.",
             "让实验室替你把各种调度都试一遍：选“视图 → 探索调度”，再点“开始探索”。它会在每一种有影响的交错方式下（最多 2 次抢占）"
             "运行程序，并按结果分组。找到失败的那一组，也就是 AssertionError，点它的“重放”：实验室就按这个调度运行，"
             "“时间线”上会标出哪个线程在哪里被抢占、谁读了 `counter`、谁又写回得太晚。"},
            {"Then you are the scheduler: Be the scheduler pauses the run wherever another thread could run, and you "
             "pick who runs next. Lose the update with two picks.",
             "接下来你来当调度器：点“我来当调度器”，运行会在每个可以换线程的地方停下来，由你挑选下一个运行的线程。"
             "试试只挑两次就让一次更新丢掉。"},
        },
        .settings = "cpus=1",
        .sliders = {"THREADS"},
        .steps = {
            {{"4 threads", "4 个线程"}, "threads=4",
             {"Four updates, four counted: this run hides the race as well. Explore it: the lost update still needs "
              "just one preemption.",
              "四次更新，四次都算上了：这次运行同样掩盖了竞态。去探索一下：丢掉一次更新仍然只需要一次抢占。"}},
            {{"Another seed", "换一个种子"}, "seed=7",
             {"Another seed, the same right count: trying runs one by one is no way to find the race.",
              "换了种子，计数照样是对的：一次一次地试运行，是找不出竞态的。"}},
            {{"GIL off", "关掉 GIL"}, "gil=off",
             {"The GIL never made `counter += 1` safe: without it this run counts right too, and Explore finds the "
              "same lost update.",
              "GIL 从来没有让 `counter += 1` 变得安全：关掉它，这次运行同样数对了，“探索调度”找到的也还是那次丢失的更新。"}},
        },
        .predictions = {
            {.question = {"THREADS threads each add 1 to counter, with no sleep in between. What does this run print?",
                          "THREADS 个线程各把 counter 加 1，中间没有 sleep。这次运行会打印出多少？"},
             .measure = Measure::FirstNumber,
             .line_with = "counter ",
             .number_after = "counter ",
             .per_slider = "THREADS",
             .choices = {{{"THREADS: every update counts", "THREADS：每次更新都算数"}, 0.999, kAny},
                         {{"less: an update is lost", "更少：有更新丢失了"}, 0, 0.999}},
             .where = {"Output: the right count, this time. Explore schedules shows the interleavings where it is not.",
                       "看“输出”：这一次计数是对的。“探索调度”会列出计数不对的那些交错方式。"}},
        },
    },
    {
        .id = "deadlock",
        .title = {"Deadlock", "死锁"},
        .paragraphs = {
            {"transfer_a takes lock first, then second; transfer_b takes second, then first. Each gets its first "
             "lock, sleeps, and then waits for the lock the other holds. Neither can go on: a deadlock.",
             "transfer_a 先拿 first 再拿 second；transfer_b 先拿 second 再拿 first。两个线程各自拿到第一把锁，睡一会儿，然后去等对方手里的那把锁。"
             "谁都走不下去：这就是死锁。"},
            {"The lab finds the wait-for cycle (a waits for b, b waits for a) and reports it. The fix is one order "
             "for everyone. An RLock is a lock its holder may take again (re-entry), which a plain Lock forbids.",
             "实验室会找出“等待环”（a 等 b，b 等 a）并报告出来。解决办法是所有线程都按同一个顺序拿锁。RLock 是可重入锁，持有者可以再次获取它，"
             "普通的 Lock 则不行。"},
            {"Read the report in Output, and each thread's TCB: what it holds and what it waits for.",
             "看“输出”里的报告，再看每个线程的 TCB：它拿着什么、在等什么。"},
        },
        .settings = "",
        .sliders = {},
        .steps = {
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"One CPU, the same cycle: the sleeps let both take their first lock.", "一个 CPU，同样的等待环：sleep 让两个线程都拿到了第一把锁。"}},
            {{"Another seed", "换一个种子"}, "seed=9",
             {"Threads window: transfer-a holds first and waits for second; transfer-b the other way.",
              "看“线程”窗口：transfer-a 拿着 first 在等 second；transfer-b 正好相反。"}},
        },
        .predictions = {
            {.question = {"Will the program print \"done\"?", "程序会打印出 \"done\" 吗？"},
             .measure = Measure::Deadlocked,
             .choices = {{{"yes, it finishes", "会，程序能正常结束"}, 0, 1},
                         {{"no: it deadlocks", "不会：它死锁了"}, 1, 2}},
             .where = {"Timeline: both lanes blocked from 0.1 s on; the report names the cycle.",
                       "看“时间线”：从 0.1 秒起两条泳道都阻塞了；报告里写着那个等待环。"}},
        },
    },
    {
        .id = "producer_consumer",
        .title = {"Producer/consumer", "生产者与消费者"},
        .paragraphs = {
            {"A producer puts messages on a queue.Queue, a consumer takes them off. The queue is thread-safe: its "
             "put and get lock for you. With maxsize set, put blocks while the queue is full, and get blocks while "
             "it is empty.",
             "生产者往 queue.Queue 里放消息，消费者从里面取。队列是线程安全的：put 和 get 会替你加锁。设了 maxsize 以后，队列满时 put 会阻塞，"
             "队列空时 get 会阻塞。"},
            {"A threading.Event tells both when to stop: the main thread sets it after 0.1 s.",
             "一个 threading.Event 通知两边何时停止：主线程在 0.1 秒后把它设置上。"},
            {"The consumer logs the queue's size after each get. Watch the producer block on put in the Timeline.",
             "消费者每取一次就记下队列当前的大小。在“时间线”上看生产者如何阻塞在 put 上。"},
        },
        .settings = "",
        .sliders = {"QUEUE_SIZE"},
        .steps = {
            {{"Queue of 1", "队列大小 1"}, "queue_size=1",
             {"The two threads now alternate: put, get, put, get.", "现在两个线程交替进行：放、取、放、取。"}},
            {{"Queue of 50", "队列大小 50"}, "queue_size=50",
             {"The producer runs further ahead before it blocks.", "生产者在阻塞之前能领先更多。"}},
        },
        .predictions = {
            {.question = {"The producer never waits between messages. What is the largest size the consumer reports, "
                          "against QUEUE_SIZE?",
                          "生产者放消息时从不停顿。消费者报告的最大队列长度，和 QUEUE_SIZE 比起来如何？"},
             .measure = Measure::LargestNumber,
             .line_with = "size=",
             .number_after = "size=",
             .per_slider = "QUEUE_SIZE",
             .choices = {{{"small: the queue stays nearly empty", "很小：队列几乎总是空的"}, 0, 0.5},
                         {{"about half of it", "一半左右"}, 0.5, 0.999},
                         {{"all of it: the queue fills up", "满了：队列被塞满"}, 0.999, kAny}},
             .where = {"Timeline: the producer blocked on put while the queue is full.",
                       "看“时间线”：队列满的时候，生产者阻塞在 put 上。"}},
        },
    },
    {
        .id = "sync_primitives",
        .title = {"Semaphore, Timer, Barrier", "信号量、定时器与屏障"},
        .paragraphs = {
            {"A Semaphore(2) lets at most two threads past it at a time: here, two workers in the pool at once, the "
             "third waits for a slot.",
             "Semaphore(2) 最多同时放两个线程通过：这里池子里同时只能有两个工作线程，第三个要等空位。"},
            {"A Timer runs a function once, after a delay, on its own thread. A Barrier(3) holds each thread that "
             "reaches it until all three have, then releases them together.",
             "Timer 在延迟一段时间之后，用它自己的线程运行一次某个函数。Barrier(3) 会把先到的线程拦住，直到三个线程都到了，再一起放行。"},
            {"In the Timeline, find the third worker waiting on the semaphore, and everyone leaving the barrier at "
             "the same moment.",
             "在“时间线”上找出在信号量上等待的第三个工作线程，再看大家如何在同一时刻离开屏障。"},
        },
        .settings = "",
        .sliders = {},
        .steps = {
            {{"1 CPU", "1 个 CPU"}, "cpus=1",
             {"The same moments: these threads wait, they do not compute.", "时间点完全一样：这些线程都在等待，并不在计算。"}},
            {{"Another seed", "换一个种子"}, "seed=4",
             {"Which worker waits for a slot may change; the barrier's moment does not.", "哪个工作线程等空位可能会变，过屏障的时刻不会变。"}},
        },
        .predictions = {
            {.question = {"Each worker spends 0.5 s in the pool, two at a time. When do all three pass the barrier?",
                          "每个工作线程在池子里待 0.5 秒，同时最多两个。三个线程什么时候一起通过屏障？"},
             .measure = Measure::SecondsAtLine,
             .line_with = "passed the barrier",
             .choices = {{{"at 0.5 s", "0.5 秒时"}, 0, 0.75},
                         {{"at 1.0 s", "1.0 秒时"}, 0.75, 1.25},
                         {{"at 1.5 s", "1.5 秒时"}, 1.25, kAny}},
             .where = {"Timeline: the third worker enters the pool only at 0.5 s, when a slot frees.",
                       "看“时间线”：第三个工作线程直到 0.5 秒有了空位才进入池子。"}},
        },
    },
};

// --- Settings -----------------------------------------------------------------------------------

// `fragment`'s key=value pairs appended to `pairs`, each replacing an earlier one of its key.
void merge_pairs(std::vector<std::pair<std::string, std::string>>& pairs, std::string_view fragment)
{
    size_t start = 0;
    while (start < fragment.size()) {
        size_t end = std::min(fragment.find('&', start), fragment.size());
        std::string_view part = fragment.substr(start, end - start);
        start = end + 1;
        if (part.empty())
            continue;
        size_t equals = part.find('=');
        std::string key(part.substr(0, equals));
        std::string value(equals == std::string_view::npos ? std::string_view() : part.substr(equals + 1));
        auto same = std::find_if(pairs.begin(), pairs.end(), [&](const auto& pair) { return pair.first == key; });
        if (same != pairs.end())
            same->second = value;
        else
            pairs.emplace_back(std::move(key), std::move(value));
    }
}

// --- Measures -----------------------------------------------------------------------------------

// The number (an integer or a decimal) right after `after` in `text`.
std::optional<double> number_after(std::string_view text, std::string_view after)
{
    size_t at = text.find(after);
    if (at == std::string_view::npos)
        return std::nullopt;
    // Digits with at most one point (libc++ 14 has no floating-point from_chars).
    std::string_view rest = text.substr(at + after.size());
    std::string digits;
    for (char c : rest) {
        if (!(c >= '0' && c <= '9') && !(c == '.' && digits.find('.') == std::string::npos && !digits.empty()))
            break;
        digits += c;
    }
    while (!digits.empty() && digits.back() == '.')
        digits.pop_back();
    if (digits.empty())
        return std::nullopt;
    return std::strtod(digits.c_str(), nullptr);
}

bool has(const OutputLine& line, std::string_view text) { return line.text.find(text) != std::string::npos; }

} // namespace

// --- Lookup -------------------------------------------------------------------------------------

std::span<const Lesson> all() { return kLessons; }

int index_of(std::string_view id)
{
    for (size_t i = 0; i < kLessons.size(); i++)
        if (kLessons[i].id == id)
            return int(i);
    return -1;
}

const Lesson* find(std::string_view id)
{
    int index = index_of(id);
    return index < 0 ? nullptr : &kLessons[size_t(index)];
}

LabConfig lesson_config(const Lesson& lesson, int step, const LabConfig& current, std::vector<std::string>* problems)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    merge_pairs(pairs, "v=" + std::to_string(config::kPermalinkVersion) + "&lesson=" + std::string(lesson.id));
    merge_pairs(pairs, lesson.settings);
    if (step >= 1 && size_t(step) <= lesson.steps.size()) {
        merge_pairs(pairs, lesson.steps[size_t(step) - 1].change);
        merge_pairs(pairs, "step=" + std::to_string(step));
    }
    std::string fragment;
    for (const auto& [key, value] : pairs)
        fragment += (fragment.empty() ? "" : "&") + key + "=" + value;
    config::DecodeResult decoded = config::decode_fragment(fragment);
    if (problems)
        for (const config::Problem& problem : decoded.problems)
            problems->push_back(problem.message);
    decoded.config.language = current.language;
    return decoded.config;
}

std::optional<double> measure(const Prediction& p, const RunFacts& run)
{
    switch (p.measure) {
    case Measure::Speedup: return run.speedup > 0 ? std::optional<double>(run.speedup) : std::nullopt;
    case Measure::WallSeconds: return run.wall_seconds;
    case Measure::Threads: return double(run.threads);
    case Measure::Processes: return double(run.processes);
    case Measure::ContextSwitches: return double(run.context_switches);
    case Measure::Deadlocked: return run.deadlocked ? 1.0 : 0.0;
    case Measure::LinesWith:
        return double(std::count_if(run.output.begin(), run.output.end(), [&](const OutputLine& l) { return has(l, p.line_with); }));
    case Measure::LastLineHas:
        return run.output.empty() ? std::nullopt : std::optional<double>(has(run.output.back(), p.line_with) ? 1.0 : 0.0);
    case Measure::SecondsAtLine:
        for (const OutputLine& line : run.output)
            if (has(line, p.line_with))
                return line.seconds;
        return std::nullopt;
    case Measure::FirstNumber:
    case Measure::LastNumber:
    case Measure::LargestNumber: {
        std::optional<double> found;
        for (const OutputLine& line : run.output) {
            if (!has(line, p.line_with))
                continue;
            std::optional<double> value = number_after(line.text, p.number_after);
            if (!value)
                continue;
            if (p.measure == Measure::FirstNumber)
                return value;
            found = p.measure == Measure::LargestNumber && found ? std::max(*found, *value) : *value;
        }
        return found;
    }
    }
    return std::nullopt;
}

double compared_value(const Prediction& prediction, double figure, const LabConfig& config)
{
    if (prediction.per_slider.empty())
        return figure;
    std::string name(prediction.per_slider);
    double scale = 0;
    if (auto set = config.sliders.find(name); set != config.sliders.end())
        scale = double(set->second);
    else
        for (const config::ProgramSlider& slider : config::find_sliders(config::program_source(config)))
            if (slider.name == name)
                scale = double(slider.value);
    return scale > 0 ? figure / scale : figure;
}

int right_choice(const Prediction& prediction, double figure, const LabConfig& config)
{
    double value = compared_value(prediction, figure, config);
    for (size_t i = 0; i < prediction.choices.size(); i++)
        if (value >= prediction.choices[i].low && value < prediction.choices[i].high)
            return int(i);
    return -1;
}

} // namespace lessons
