// The interface's words in English and Simplified Chinese: one table (strings.cpp), one lookup.
// A window asks Tr(Str::...) for its text each frame, in the language the page shows; Python's
// own messages (tracebacks, program output) are never translated.
//
// A window title keeps one ImGui identity in both languages: WindowTitle() appends "###" and the
// English title, so a switch of language does not move or reset the window.
#pragma once
#include <cstdint>
#include <span>

#include "config/config.h"
#include "machine/thread_state.h"

namespace ui {

enum class Str : uint16_t {
    // Main menu
    MenuThreadlab, MenuShareLink, MenuAboutThreadlab, MenuView, MenuProgram, MenuLesson, MenuTimeline,
    MenuThreads, MenuCode, MenuAddressSpace, MenuOutput, MenuRunMetrics, MenuImGuiMetrics, MenuDarkTheme,
    MenuLightTheme, MenuLargerText, MenuSmallerText, MenuDefaultTextSize, MenuLanguage, MenuHelp,
    MenuUsingInterface, MenuAbout,
    // Window titles
    TitleProgram, TitleLesson, TitleCode, TitleThreads, TitleAddressSpace, TitleOutput, TitleTimeline,
    TitleRunMetrics,
    // Lesson window
    LessonList, LessonPrevious, LessonNext, LessonOf, LessonStart, LessonNotALesson, LessonTryThis,
    LessonStepApplied, LessonPredict, LessonHeld, LessonSkip, LessonAnswerRestarts, LessonYourGuess,
    LessonSkipped, LessonRight, LessonWrong, LessonRightAnswer, LessonThisRun, LessonWaitingForRun,
    LessonMeasuring, LessonNoFigure, LessonWhereToLook, LessonAskAgain, LessonSliders,
    LessonCosts, LessonCostSimulated, LessonCostReal, LessonCostNotMeasured,
    // A run's figures, as the reveal quotes them (printf formats)
    FigureSpeedup, FigureSeconds, FigureThreads, FigureProcesses, FigureSwitches, FigureLines, FigureNumber,
    FigureAtSeconds, FigureLastLineYes, FigureLastLineNo, FigureDeadlocked, FigureFinished,
    // A thread's stack: built-in calls and the lab's internals
    StackShowInternals, StackShowInternalsTip, StackBuiltinFrame, StackInternalFrame, StackSavedBuiltin,
    StackInstructionOfCall,
    // Thread states and wait reasons
    StateNew, StateReady, StateRunning, StateBlocked, StateTerminated,
    WaitNone, WaitSleep, WaitIo, WaitJoin, WaitGil, WaitLock, WaitSemaphore, WaitEvent, WaitCondition,
    WaitBarrier, WaitQueue, WaitChildren,
    Count,
};

struct StringRow {
    Str id;
    const char* en;
    const char* zh;
};

// Every row, in Str order (the unit test checks the order and that both languages are there).
std::span<const StringRow> AllStrings();

void SetUiLanguage(config::Language language);
config::Language UiLanguage();

// `id` in the page's language.
const char* Tr(Str id);
const char* Tr(Str id, config::Language language);
// "线程###Threads": the title shown, and the identity kept across languages.
const char* WindowTitle(Str title);

const char* StateName(machine::ThreadState state);
const char* WaitName(machine::WaitKind kind);

} // namespace ui
