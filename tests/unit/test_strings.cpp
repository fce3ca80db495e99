// The interface's string table (ui/strings.h): every row is really translated, both languages
// take the same printf arguments (a Chinese format that reads one more %s than the English
// passes would print garbage or crash), and the names the windows show for the machine's enums
// are the machine's own, in English, and their rows follow the enums' order.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "machine/thread_state.h"
#include "ui/explore_model.h"
#include "ui/real_machine_model.h"
#include "ui/strings.h"

namespace {

using ui::Str;

// The conversions of a printf format, in order: "%5.2f of %s%%" gives {"f", "s"}.
std::vector<std::string> Conversions(std::string_view format) {
    std::vector<std::string> out;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%')
            continue;
        size_t j = i + 1;
        while (j < format.size() && std::string_view("-+ #0123456789.*").find(format[j]) != std::string_view::npos)
            ++j;
        size_t k = j;
        while (k < format.size() && std::string_view("hlLqjzt").find(format[k]) != std::string_view::npos)
            ++k;
        if (k < format.size() && format[k] != '%')
            out.push_back(std::string(format.substr(j, k + 1 - j)));
        i = k;
    }
    return out;
}

bool HasChinese(std::string_view text) {
    // In UTF-8, CJK punctuation and ideographs (U+3000..U+9FFF) start with a byte 0xE3..0xE9,
    // full-width forms (U+FF00..U+FFEF: "，", "："), with 0xEF.
    for (size_t i = 0; i + 2 < text.size(); ++i) {
        const unsigned char lead = (unsigned char)text[i];
        if ((lead >= 0xE3 && lead <= 0xE9) || lead == 0xEF)
            return true;
    }
    return false;
}

// Rows whose Chinese is the English on purpose: names and abbreviations used as they are in
// Chinese teaching too.
bool SameInBothLanguages(Str id) {
    switch (id) {
    case Str::MenuThreadlab:
    case Str::WaitIo:
    case Str::WaitGil:
    case Str::LanguageEnglish:
    case Str::LanguageChinese:
    case Str::WitnessInstruction:  // an opcode and a name, as dis spells them
    case Str::WitnessNamedObject:  // a name of the program's, in code quotes
        return true;
    default:
        return false;
    }
}

} // namespace

TEST_CASE("every UI string is translated, not copied") {
    for (const ui::StringRow& row : ui::AllStrings()) {
        CAPTURE(row.en);
        CAPTURE(row.zh);
        if (SameInBothLanguages(row.id))
            CHECK(std::string_view(row.en) == std::string_view(row.zh));
        else
            CHECK(HasChinese(row.zh));
    }
}

TEST_CASE("a string's two languages take the same printf arguments in the same order") {
    CHECK(Conversions("%5.2f of %s, %zu%% %lld") == std::vector<std::string>{"f", "s", "zu", "lld"});
    for (const ui::StringRow& row : ui::AllStrings()) {
        CAPTURE(row.en);
        CAPTURE(row.zh);
        CHECK(Conversions(row.en) == Conversions(row.zh));
    }
}

TEST_CASE("the machine's states and reasons are named by rows in their enums' order") {
    ui::SetUiLanguage(config::Language::English);
    for (int s = 0; s <= int(machine::ThreadState::Terminated); ++s)
        CHECK(std::string(ui::StateName(machine::ThreadState(s))) == machine::thread_state_name(machine::ThreadState(s)));
    for (int w = 0; w <= int(machine::WaitKind::Children); ++w)
        CHECK(std::string(ui::WaitName(machine::WaitKind(w))) == machine::wait_kind_name(machine::WaitKind(w)));
    for (int r = 0; r <= int(machine::StopReason::Scheduled); ++r)
        CHECK(std::string(ui::StopReasonName(machine::StopReason(r))) == machine::stop_reason_name(machine::StopReason(r)));
    for (int r = 0; r <= int(machine::ReadyReason::GilReleased); ++r)
        CHECK(std::string(ui::ReadyReasonName(machine::ReadyReason(r))) ==
              machine::ready_reason_name(machine::ReadyReason(r)));
    ui::SetUiLanguage(config::Language::Chinese);
    CHECK(std::string(ui::StopReasonName(machine::StopReason::SliceExpired)) == "时间片用完");
    CHECK(std::string(ui::ReadyReasonName(machine::ReadyReason::GilReleased)) == "GIL 被释放");
    ui::SetUiLanguage(config::Language::English);
}

TEST_CASE("a title shown in Chinese keeps its English identity") {
    ui::SetUiLanguage(config::Language::Chinese);
    CHECK(std::string(ui::WindowTitle(Str::TitleRealMachine)) == "真实机器###Real machine");
    // What the title bar shows, found by the identity ImGui keeps.
    CHECK(std::string(ui::ShownWindowTitle("Real machine")) == "真实机器###Real machine");
    CHECK(ui::ShownWindowTitle("No such window") == nullptr);
    CHECK(std::string(ui::Tr(Str::RegionText)) == "正文区");
    ui::SetUiLanguage(config::Language::English);
    CHECK(std::string(ui::WindowTitle(Str::TitleRealMachine)) == "Real machine###Real machine");
    CHECK(std::string(ui::Tr(Str::RegionText)) == "text");
}

TEST_CASE("the Real machine's progress line names each probe stage in the page's language") {
    using real::ProbeStage;
    CHECK(ui::ProbeStepText({ProbeStage::None}, config::Language::Chinese).empty());
    CHECK(ui::ProbeStepText({ProbeStage::SpeedupRun, 2, 1, 3}, config::Language::English) ==
          "speedup: threads: 2, run 1 of 3");
    CHECK(ui::ProbeStepText({ProbeStage::SpeedupRun, 2, 1, 3}, config::Language::Chinese) ==
          "加速比：2 个线程，第 1 次（共 3 次）");
    // The first and the last stage: the rows follow the enum.
    CHECK(ui::ProbeStepText({ProbeStage::Starting}, config::Language::English) == "starting");
    CHECK(ui::ProbeStepText({ProbeStage::RaceLocked}, config::Language::English) == "race: counter += 1, under a lock");
}

TEST_CASE("the Explore window's summary and outcomes read in Chinese") {
    ui::ExploreView view;
    view.finished = view.exhaustive = true;
    view.schedules = 93;
    view.preemptions = 2;
    view.rows = {{"", 0, "", "", 92, 0, ""}, {"AssertionError", 1, "", "", 1, 1, ""}};
    ui::SetUiLanguage(config::Language::Chinese);
    CHECK(ui::ExploreSummary(view) == "93 个调度，2 种结果，1 种失败 · 已探索至多 2 次抢占的全部调度");
    CHECK(ui::ExploreRowLabel(view.rows[0]) == "退出码 0，没有失败");
    ui::SetUiLanguage(config::Language::English);
}

TEST_CASE("a bad link's banner words each problem in the page's language, the CLI's English kept") {
    const config::DecodeResult decoded = config::decode_fragment("#v=1&cpus=99&gil=maybe&colour=red&lang=zh");
    REQUIRE(decoded.problems.size() == 3);
    const config::Problem& cpus = decoded.problems[0];
    CHECK(cpus.code == config::ProblemCode::NotWholeNumber);
    CHECK(cpus.value == "99");
    CHECK(cpus.message == "cpus=99: must be a whole number 1..64");
    CHECK(ui::ProblemText(cpus, config::Language::English) == cpus.message);
    CHECK(ui::ProblemText(cpus, config::Language::Chinese) == "cpus=99：必须是 1..64 之间的整数");
    CHECK(ui::ProblemText(decoded.problems[1], config::Language::Chinese) == "gil=maybe：必须是 on 或 off");
    CHECK(ui::ProblemText(decoded.problems[2], config::Language::Chinese) ==
          "colour=red：没有这个设置，程序里也没有这个名字的滑块");
    const config::DecodeResult cut = config::decode_fragment("https://threadlab.example/");
    REQUIRE(cut.problems.size() == 1);
    CHECK(ui::ProblemText(cut.problems[0], config::Language::Chinese) == "链接里没有“#”之后的部分：打开默认的实验");
}

TEST_CASE("every link problem's Chinese words put in the same parts as its English ones") {
    auto parts = [](std::string_view words) {
        std::vector<std::string> found;
        for (const char* part : {"{field}", "{value}", "{detail}", "{limit}"})
            if (words.find(part) != std::string_view::npos)
                found.push_back(part);
        return found;
    };
    for (size_t code = 0; code < size_t(config::ProblemCode::Count); code++) {
        const ui::StringRow& row = ui::AllStrings()[size_t(ui::Str::LinkNotAPair) + code];
        CAPTURE(row.en);
        CHECK(std::string_view(row.en) == config::problem_words_english(config::ProblemCode(code)));
        CHECK(parts(row.en) == parts(row.zh));
    }
}

TEST_CASE("the explorer's witness reads in Chinese, its parts put in by the same wording as the CLI's English") {
    explore::PreemptionParts p;
    p.preempted = "Thread-1 (increment)";
    p.ran = "MainThread";
    p.after = {explore::InstructionPlace::Kind::Instruction, "BINARY_OP", 9, ""};
    p.has_conflict = true;
    p.first = {"Thread-2 (increment)", false, {explore::InstructionPlace::Kind::Instruction, "LOAD_GLOBAL counter", 9, ""}};
    p.second = {"Thread-1 (increment)", true, {explore::InstructionPlace::Kind::Instruction, "STORE_GLOBAL counter", 9, ""}};
    p.object = "counter";
    ui::SetUiLanguage(config::Language::English);
    CHECK(ui::PreemptionText(p) == explore::word_preemption(p, explore::kWitnessEnglish));
    CHECK(ui::ConflictText(p) == "Thread-2 (increment) read `counter` (LOAD_GLOBAL counter, line 9) before "
                                 "Thread-1 (increment) wrote it (STORE_GLOBAL counter, line 9)");
    ui::SetUiLanguage(config::Language::Chinese);
    CHECK(ui::PreemptionText(p) == "Thread-1 (increment) 执行完 BINARY_OP，第 9 行 之后被抢占，随后 MainThread 运行");
    CHECK(ui::ConflictText(p) == "Thread-2 (increment) 先读了 `counter`（LOAD_GLOBAL counter，第 9 行），"
                                 "之后 Thread-1 (increment) 写了它（STORE_GLOBAL counter，第 9 行）");
    p.object.clear();
    p.lock = true;
    p.first.write = true;
    p.first.at = {explore::InstructionPlace::Kind::RuntimeCall, "", 0, ""};
    CHECK(ui::ConflictText(p) == "Thread-2 (increment) 先写了 同一把锁（一次进入运行时的调用），"
                                 "之后 Thread-1 (increment) 也写了它（STORE_GLOBAL counter，第 9 行）");
    ui::SetUiLanguage(config::Language::English);
    CHECK(ui::ConflictText(p) == "Thread-2 (increment) wrote the same lock (a call into the runtime) before "
                                 "Thread-1 (increment) wrote it (STORE_GLOBAL counter, line 9)");
    for (size_t i = 0; i < size_t(explore::WitnessPhrase::Count); i++)
        CHECK(std::string_view(ui::AllStrings()[size_t(ui::Str::WitnessInstruction) + i].en) == explore::kWitnessEnglish[i]);
}
