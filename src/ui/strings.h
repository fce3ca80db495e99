// The interface's words in English and Simplified Chinese: one table (strings.cpp), one lookup.
// A window asks Tr(Str::...) for its text each frame, in the language the page shows; Python's
// own messages (tracebacks, program output) are never translated.
//
// A window title keeps one ImGui identity in both languages: WindowTitle() appends "###" and the
// English title, so a switch of language does not move or reset the window (nor fold a
// collapsing header, nor change a tab: anything whose state ImGui keeps by its label).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "config/config.h"
#include "config/permalink.h"
#include "explore/witness_words.h"
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
    // The speedup in Run metrics
    SpeedupFaster, SpeedupNoFaster, SpeedupSlower,
    // A thread's stack: built-in calls and the lab's internals
    StackShowInternals, StackShowInternalsTip, StackBuiltinFrame, StackInternalFrame, StackSavedBuiltin,
    StackInstructionOfCall,
    // Thread states and wait reasons
    StateNew, StateReady, StateRunning, StateBlocked, StateTerminated,
    WaitNone, WaitSleep, WaitIo, WaitJoin, WaitGil, WaitLock, WaitSemaphore, WaitEvent, WaitCondition,
    WaitBarrier, WaitQueue, WaitChildren,
    // Main menu: downloads, the other windows, the languages (each named in itself)
    MenuDownloadTrace, MenuDownloadProgram, MenuRealMachine, MenuExploreSchedules, LanguageEnglish,
    LanguageChinese,
    // Window titles of the windows opened on demand
    TitleAbout, TitleUserGuide, TitleShare, TitleExplore, TitleRealMachine,
    // About and the user guide
    AboutBuild, AboutWhat1, AboutWhat2, GuideMouse, GuideWindows, GuideWheel, GuideSliders, GuideKeys, GuideTouch,
    GuideTap, GuideScroll, GuidePinch, GuideKeyboard, GuideNarrow,
    // The Share window and the banner of a link with problems
    ShareRefused, ShareCopied, ShareWho, LinkNothingUsable, LinkPartlyWrong, LinkDismiss,
    // Run metrics
    MetricsWallTime, MetricsWallTimeTip, MetricsCpuUseValue, MetricsCpuUse, MetricsCpuUseTip, MetricsSwitches,
    MetricsSwitchesTip, MetricsHandoffs, MetricsHandoffsTip, MetricsInstructions, MetricsInstructionsTip,
    MetricsAliveValue, MetricsAlive, MetricsAliveTip, MetricsSpeedup, MetricsSpeedupTip, MetricsBaseline,
    MetricsBaselineTip, MetricsPerCpu, MetricsIdle,
    // Output
    OutputOnlySelected, CommonFollow, OutputNewest, OutputLines, OutputLineTip, OutputTheMachine,
    // Code
    CodeMarkerTip, CodeNoProgram, CodeFollowSelected,
    // Address space (the region names are lesson 1's words)
    RegionText, RegionData, RegionHeap, RegionStack, RegionShared, RegionUnitText, RegionUnitData,
    RegionUnitHeap, RegionUnitStack, RegionUnitShared, AddrStackOf, AddrMapTip, AddrLegendEntry, AddrCodeObject, AddrNoGlobals, AddrNoObjects,
    AddrColumnType, AddrColumnBytes, AddrColumnValue, AddrReferredBy, AddrNoReferrers, AddrStackNodeOne,
    AddrStackNodeMany, AddrNotStarted, AddrFinished, AddrNoProcess, AddrProcess, AddrFreeThreaded, AddrGilHeldBy,
    AddrGilFree, AddrTextHeader, AddrDataHeader, AddrHeapHeader, AddrStacksHeader,
    AddrSharedHeader, AddrSharedSlot, AddrSharedAlsoSeenBy, AddrSharedNoOther, AddrThreadLocal, AddrNothingSet,
    // Threads and the TCB
    ThreadsColumnId, ThreadsColumnName, ThreadsColumnState, ThreadsColumnWaiting, ThreadsColumnCpuTime,
    ThreadsColumnDaemon, ThreadsColumnPriority, ThreadsMain, CommonYes, CommonNo, TcbOf, TcbState,
    TcbSavedContext, TcbNotStarted, TcbNoFrames, TcbFrameAtLine, TcbInstruction, TcbStackDepth, TcbFramesOne,
    TcbFramesMany, TcbWaitsFor, TcbHolds, TcbHoldsGil, TcbNoGil, TcbRunningOn, TcbLastRanOn, TcbNotRunYet,
    TcbAccounting, TcbAccountingValue, TcbPriority, TcbDaemonSuffix, TcbStack, ValueObjectTip, FrameHeading,
    FrameNoLocals, ThreadsNone, ThreadsClickHint, ThreadsNotShown,
    // What each thread state and wait means, in ThreadState and WaitKind order
    ExplainNew, ExplainReady, ExplainRunning, ExplainBlocked, ExplainTerminated, ExplainWaitNone,
    ExplainWaitSleep, ExplainWaitIo, ExplainWaitJoin, ExplainWaitGil, ExplainWaitLock, ExplainWaitSemaphore,
    ExplainWaitEvent, ExplainWaitCondition, ExplainWaitBarrier, ExplainWaitQueue, ExplainWaitChildren,
    // Program window: the run's phase, its controls and settings
    PhaseReady, PhasePlaying, PhasePaused, PhaseFinished, PhaseDeadlock, PhaseTimeLimit, PhaseError,
    ProgramBudgetPaused, ProgramContinue, ProgramContinueTip, ProgramEdited, ProgramRun, ProgramRunTip,
    ProgramPlay, ProgramPause, ProgramPlayTip, ProgramStep, ProgramStepTip, ProgramSlice, ProgramSliceTip,
    ProgramReset, ProgramResetTip, ProgramShare, ProgramShareTip, ProgramClock, ProgramTimelineFull,
    ProgramTimelineFullTip, ProgramCompileError, PolicyRoundRobin, PolicyFifo, PolicyPriority, PolicyMlfq,
    ProgramPolicy, ProgramPolicyTip, ProgramCpus, ProgramCpusTip, ProgramGilTip, ProgramTimeSlice,
    ProgramTimeSliceTip, ProgramSwitchInterval, ProgramSwitchIntervalTip, ProgramBytecodeCost,
    ProgramBytecodeCostTip, ProgramSwitchCost, ProgramSwitchCostTip, ProgramSeed, ProgramSeedTip,
    ProgramSliderTip, ProgramSpeed, ProgramSpeedTip, ProgramDraft, ProgramDraftOriginal,
    // Timeline: the slices and markers (in SliceKind and MarkerKind order), why a thread left a CPU or became ready
    SliceRunning, SliceRunningExplain, SliceReady, SliceReadyExplain, SliceGilWait, SliceGilWaitExplain,
    SliceSleeping, SliceSleepingExplain, SliceIo, SliceIoExplain, SliceLock, SliceLockExplain, SliceJoin,
    SliceJoinExplain, SliceOnCpu, SliceOnCpuExplain, SliceGilHeld, SliceGilHeldExplain, MarkerAcquired,
    MarkerAcquiredExplain, MarkerReleased, MarkerReleasedExplain, MarkerOutput, MarkerOutputExplain, MarkerDrop,
    MarkerDropExplain, StopSliceExpired, StopPreempted, StopBlocked, StopYielded, StopGilDropped, StopExited,
    StopKilled, StopScheduled, ReadyStarted, ReadyWoke, ReadyTimedOut, ReadyPreempted, ReadySliceExpired,
    ReadyYielded, ReadyGilReleased,
    // Timeline: toolbar, lanes and tooltips
    TimelineCpus, TimelineThreads, TimelineProcess, TimelineProcessNamed, TimelineFit, TimelineFitTip,
    TimelineFollowTip, TimelineAcross, TimelineSpan, TimelineOnCpu, TimelineMovedFrom, TimelineLeftCpu,
    TimelineThread, TimelineHeldBy, TimelineHandedBy, TimelineBecameReady, TimelineWokenBy, TimelineGilWasHeld,
    TimelineWaitsFinish, TimelineWaitsOn, TimelineAt, TimelineAskedBy, TimelineLock, TimelineMoreHere,
    TimelineMerged, TimelineRunningShare, TimelineBusyShare, TimelineNotShown, TimelineNotShownTip,
    TimelineZoomHint, TimelineEmpty,
    // Timeline: the explorer's schedule marks (in ScheduleMarkKind order)
    MarkPreempted, MarkRead, MarkWrote, MarkItMatters, MarkNoConflict,
    // Explore
    ExploreNoOutput, ExploreReplay, ExploreReplayAgain, ExploreReplayTip, ExploreOwnSchedule, ExploreIntro, ExploreOneCpu,
    ExplorePreemptions, ExploreCancel, ExploreStart, ExploreOutcome, ExploreSchedules, ExploreWitness,
    ExploreRandomIntro, ExploreRandom, ExploreBeScheduler, ExploreBeSchedulerTip, ExploreDoesNotCompile,
    ExploreScheduleOne, ExploreScheduleMany, ExploreOutcomeOne, ExploreOutcomeMany, ExploreCounts, ExploreSoFar,
    ExploreCancelled, ExplorePreemptionOne, ExplorePreemptionMany, ExploreRandomDone, ExploreExhaustive,
    ExploreScheduleLimit, ExploreRate, ExploreWorkerOne, ExploreWorkerMany, ExploreDeadlock, ExploreExit, ExploreNoFailure,
    // You are the scheduler
    TitleScheduler, SchedulerIntro, SchedulerGoal, SchedulerGoalFailure, SchedulerGoalDeadlock, SchedulerGoalOutput,
    SchedulerAimFailure, SchedulerAimDeadlock, SchedulerAimOutput, SchedulerStart, SchedulerStartOver, SchedulerUndo,
    SchedulerFinish, SchedulerCounts, SchedulerReached, SchedulerMissed, SchedulerRunning, SchedulerBefore,
    SchedulerFresh, SchedulerKeepsRunning, SchedulerNext, SchedulerAThread,
    // Real machine
    RealThreadsTip, RealSimulatedTip, RealMeasured, RealIdeal, RealSimulatedGil,
    RealSimulatedFree, RealSpeedupIntro, RealThreads, RealMeasureSpeedup, RealWallColumn, RealSpeedupColumn,
    RealFreeColumn, RealOfIdeal, RealSwitchIntro, RealMeasureSwitch, RealTimesFiber, RealSwitchColumn,
    RealMedianColumn, RealRatioColumn, RealFiberSwitch, RealHandoff, RealCreateJoin, RealBrowserThreads,
    RealFibersIntro, RealRunFibers, RealSwitchesPerSecond, RealFibersMemory, RealThreadsMemory, RealRaceIntro,
    RealRunRace, RealRaceNow, RealRaceShape, RealUnguarded, RealAtomic, RealUnderLock, RealIntro,
    RealRunAll, RealParallelSpeedup, RealSwitchCost, RealManyCoroutines, RealRace,
    // Real machine: what the probes run now, in real::ProbeStage order from Starting
    RealStepStarting, RealStepCalibrating, RealStepSpeedupRun, RealStepSimulating, RealStepFiberSwitches,
    RealStepThreadHandoffs, RealStepThreadCreation, RealStepManyFibers, RealStepRaceUnguarded, RealStepRaceAtomic,
    RealStepRaceLocked,
    // What is wrong with a part of a link, in config::ProblemCode order
    LinkNotAPair, LinkGivenTwice, LinkVersionMissing, LinkNewerVersion, LinkUnknownVersion, LinkNotWholeNumber,
    LinkNotDuration, LinkOutOfRange, LinkNotOnOff, LinkNotPolicy, LinkNotLatency, LinkLatencyOutOfRange,
    LinkNotMemorySize, LinkNotSchedule, LinkTooManyChoices, LinkNotTimeRange, LinkNotLanguage, LinkNoSuchLesson,
    LinkBlobNotBase64, LinkProgramTooLarge, LinkBlobBroken, LinkProgramEmpty, LinkProgramNotUtf8, LinkOutsideRun,
    LinkUnknownKey, LinkNoFragment, LinkTooLong,
    // The explorer's witness sentences, in explore::WitnessPhrase order
    WitnessInstruction, WitnessAtLine, WitnessInFile, WitnessFirstInstruction, WitnessRuntimeCall, WitnessPreempted,
    WitnessReadBeforeWrote, WitnessWroteBeforeRead, WitnessWroteBeforeWrote, WitnessNamedObject, WitnessSameObject,
    WitnessSameLock,
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
// `id`'s printf format in the page's language, filled in.
std::string TrFormat(Str id, ...);
// "线程###Threads": the title shown, and the identity kept across languages.
const char* WindowTitle(Str title);
// The title WindowTitle last gave for the identity after "###" ("Threads"), or null if none:
// what the title bar shows, which ImGui does not store on a rename.
const char* ShownWindowTitle(std::string_view identity);

// A link's problem in the page's language (or `language`).
std::string ProblemText(const config::Problem& problem);
std::string ProblemText(const config::Problem& problem, config::Language language);

// The explorer's witness in the page's language: where a thread stands, a preemption, the
// conflict that makes it matter ("" when none was seen).
std::string InstructionText(const explore::InstructionPlace& place);
std::string PreemptionText(const explore::PreemptionParts& parts);
std::string ConflictText(const explore::PreemptionParts& parts);

const char* StateName(machine::ThreadState state);
const char* WaitName(machine::WaitKind kind);
const char* StopReasonName(machine::StopReason reason);   // why a thread left its CPU
const char* ReadyReasonName(machine::ReadyReason reason); // why it became ready

} // namespace ui
