#include "ui/strings.h"

#include <string>

namespace ui {

namespace {

config::Language g_language = config::Language::English;  // UI thread only

const StringRow kStrings[] = {
    {Str::MenuThreadlab, "Threadlab", "Threadlab"},
    {Str::MenuShareLink, "Share link", "分享链接"},
    {Str::MenuAboutThreadlab, "About Threadlab", "关于 Threadlab"},
    {Str::MenuView, "View", "视图"},
    {Str::MenuProgram, "Program", "程序"},
    {Str::MenuLesson, "Lesson", "课程"},
    {Str::MenuTimeline, "Timeline", "时间线"},
    {Str::MenuThreads, "Threads", "线程"},
    {Str::MenuCode, "Code", "代码"},
    {Str::MenuAddressSpace, "Address space", "地址空间"},
    {Str::MenuOutput, "Output", "输出"},
    {Str::MenuRunMetrics, "Run metrics", "运行指标"},
    {Str::MenuImGuiMetrics, "Metrics / Debugger", "ImGui 指标 / 调试器"},
    {Str::MenuDarkTheme, "Dark theme", "深色主题"},
    {Str::MenuLightTheme, "Light theme", "浅色主题"},
    {Str::MenuLargerText, "Larger text", "放大文字"},
    {Str::MenuSmallerText, "Smaller text", "缩小文字"},
    {Str::MenuDefaultTextSize, "Default text size", "默认文字大小"},
    {Str::MenuLanguage, "Language", "语言"},
    {Str::MenuHelp, "Help", "帮助"},
    {Str::MenuUsingInterface, "Using the interface", "界面操作说明"},
    {Str::MenuAbout, "About", "关于"},

    {Str::TitleProgram, "Program", "程序"},
    {Str::TitleLesson, "Lesson", "课程"},
    {Str::TitleCode, "Code", "代码"},
    {Str::TitleThreads, "Threads", "线程"},
    {Str::TitleAddressSpace, "Address space", "地址空间"},
    {Str::TitleOutput, "Output", "输出"},
    {Str::TitleTimeline, "Timeline", "时间线"},
    {Str::TitleRunMetrics, "Run metrics", "运行指标"},

    {Str::LessonList, "Lessons", "课程列表"},
    {Str::LessonPrevious, "< Previous", "< 上一课"},
    {Str::LessonNext, "Next >", "下一课 >"},
    {Str::LessonOf, "Lesson %d of %d", "第 %d 课，共 %d 课"},
    {Str::LessonStart, "Start this lesson", "开始这一课"},
    {Str::LessonNotALesson, "The program running now is not one of the lessons. Pick a lesson to start it.",
     "当前运行的程序不属于任何一课。选一课开始吧。"},
    {Str::LessonTryThis, "Try this", "动手试试"},
    {Str::LessonStepApplied, "(now)", "（当前）"},
    {Str::LessonPredict, "Predict", "先猜一猜"},
    {Str::LessonHeld, "The run waits for your answer.", "运行暂停，等你回答。"},
    {Str::LessonSkip, "Skip", "跳过"},
    {Str::LessonAnswerRestarts, "The run has gone on already: your answer runs it again from the start.",
     "程序已经运行过了：你回答之后，它会从头再运行一遍。"},
    {Str::LessonYourGuess, "Your guess: %s", "你的猜测：%s"},
    {Str::LessonSkipped, "Skipped.", "已跳过。"},
    {Str::LessonRight, "Right!", "猜对了！"},
    {Str::LessonWrong, "Not quite.", "不太对。"},
    {Str::LessonRightAnswer, "This run says: %s", "这次运行的答案是：%s"},
    {Str::LessonThisRun, "This run measured %s.", "这次运行测得：%s。"},
    {Str::LessonWaitingForRun, "Running... the answer comes when the run ends.", "运行中……运行结束时揭晓答案。"},
    {Str::LessonMeasuring, "Measuring the one-thread run to compare with...", "正在测量用来对比的单线程运行……"},
    {Str::LessonNoFigure, "This run did not produce the figure the question is about.", "这次运行没有产生这道题要看的数据。"},
    {Str::LessonWhereToLook, "Where to look: %s", "看哪里：%s"},
    {Str::LessonAskAgain, "Ask me again", "再问我一次"},
    {Str::LessonSliders, "This lesson's sliders are in the Program window: %s", "这一课用到的滑块在“程序”窗口里：%s"},
    {Str::LessonCosts, "The costs side by side", "代价对比"},
    {Str::LessonCostSimulated, "simulated", "模拟机器"},
    {Str::LessonCostReal, "your computer", "你的电脑"},
    {Str::LessonCostNotMeasured,
     "Your computer's figures appear once the Real machine window (View menu) has measured them; \"—\": a web page "
     "cannot measure it.",
     "“视图”菜单里的“真实机器”窗口测量之后，这里就会出现你电脑上的数值；“—”表示网页无法测量这一项。"},

    {Str::FigureSpeedup, "a speedup of %.2fx over one thread", "相对单线程的加速比 %.2f 倍"},
    {Str::FigureSeconds, "a wall time of %.3f s", "总耗时 %.3f 秒"},
    {Str::FigureThreads, "%.0f threads", "%.0f 个线程"},
    {Str::FigureProcesses, "%.0f processes", "%.0f 个进程"},
    {Str::FigureSwitches, "%.0f context switches", "%.0f 次上下文切换"},
    {Str::FigureLines, "%.0f lines containing \"%s\"", "%.0f 行包含 \"%s\""},
    {Str::FigureNumber, "%g, in \"%s\"", "%g，见 \"%s\""},
    {Str::FigureAtSeconds, "\"%s\" at %.3f s", "\"%s\" 出现在 %.3f 秒"},
    {Str::FigureLastLineYes, "a last line containing \"%s\"", "最后一行包含 \"%s\""},
    {Str::FigureLastLineNo, "a last line without \"%s\"", "最后一行不含 \"%s\""},
    {Str::FigureDeadlocked, "a deadlock", "死锁"},
    {Str::FigureFinished, "a run that finished", "程序正常结束"},

    {Str::StackShowInternals, "Show the lab's internals", "显示实验室的内部实现"},
    {Str::StackShowInternalsTip,
     "threading, queue, logging and the other modules are written in Python inside the lab, where CPython has them "
     "in C. Off: each call into them is one built-in frame, as in CPython. On: the lab's own frames in its place.",
     "threading、queue、logging 等模块在实验室里是用 Python 写的，而 CPython 用 C 实现它们。关闭时：每次调用它们只显示为一个"
     "内置帧，和 CPython 一样；打开时：在那里显示实验室自己的帧。"},
    {Str::StackBuiltinFrame, "%s  (built-in)", "%s（内置）"},
    {Str::StackInternalFrame, "%s  %s line %d  (instruction %u)", "%s  %s 第 %d 行（指令 %u）"},
    {Str::StackSavedBuiltin, "frame %s (built-in), called from %s, line %d", "帧 %s（内置），由 %s 第 %d 行调用"},
    {Str::StackInstructionOfCall, "%u: %s  (the call, in %s)", "%u: %s（即 %s 中的这次调用）"},

    {Str::StateNew, "new", "新建"},
    {Str::StateReady, "ready", "就绪"},
    {Str::StateRunning, "running", "运行"},
    {Str::StateBlocked, "blocked", "阻塞"},
    {Str::StateTerminated, "terminated", "终止"},
    {Str::WaitNone, "nothing", "无"},
    {Str::WaitSleep, "sleep", "睡眠"},
    {Str::WaitIo, "I/O", "I/O"},
    {Str::WaitJoin, "join", "等待线程结束（join）"},
    {Str::WaitGil, "GIL", "GIL"},
    {Str::WaitLock, "lock", "锁"},
    {Str::WaitSemaphore, "semaphore", "信号量"},
    {Str::WaitEvent, "event", "事件"},
    {Str::WaitCondition, "condition", "条件变量"},
    {Str::WaitBarrier, "barrier", "屏障"},
    {Str::WaitQueue, "queue", "队列"},
    {Str::WaitChildren, "non-daemon threads", "非守护线程"},
};
static_assert(std::size(kStrings) == size_t(Str::Count), "one row per Str");

} // namespace

std::span<const StringRow> AllStrings() { return kStrings; }

void SetUiLanguage(config::Language language) { g_language = language; }
config::Language UiLanguage() { return g_language; }

const char* Tr(Str id, config::Language language)
{
    const StringRow& row = kStrings[size_t(id)];
    return language == config::Language::Chinese ? row.zh : row.en;
}

const char* Tr(Str id) { return Tr(id, g_language); }

const char* WindowTitle(Str title)
{
    // One buffer per title, rebuilt only when the language changes.
    static std::string titles[size_t(Str::Count)];
    static config::Language built[size_t(Str::Count)];
    std::string& text = titles[size_t(title)];
    if (text.empty() || built[size_t(title)] != g_language) {
        text = std::string(Tr(title)) + "###" + Tr(title, config::Language::English);
        built[size_t(title)] = g_language;
    }
    return text.c_str();
}

const char* StateName(machine::ThreadState state)
{
    return Tr(Str(size_t(Str::StateNew) + size_t(state)));
}

const char* WaitName(machine::WaitKind kind)
{
    return Tr(Str(size_t(Str::WaitNone) + size_t(kind)));
}

} // namespace ui
