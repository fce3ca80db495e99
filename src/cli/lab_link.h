// `threadlab run --config LINK` and `--link`: the CLI's side of the lab's permalink
// (config/permalink.h), so a teacher can check a shared link headless and get the link of a run.
#pragma once
#include <cstdint>
#include <string>
#include "cli/options.h"
#include "config/config.h"

namespace cli {

// The program `run` executes and the lab config it belongs to. With --config, the link's program
// (or FILE, when given), its sliders applied, and its machine settings written into `options` for
// every flag left at its default, so the flags given on the command line win; --set values go
// over the link's sliders. The link's problems are printed as warnings. Returns an exit status
// (2: no program, nothing usable in the link, or a --set that names no slider or is out of range).
int load_run_program(Options& options, config::LabConfig& lab, std::string& source, std::string& path);

// A program file up to this size runs; a larger one is refused before it is read.
constexpr uint64_t kMaxProgramFileBytes = uint64_t{16} << 20;

// Reads the program at `path` into `out`: 0, or the exit status after a one-line error on
// stderr (a missing file, a directory, a file too large: 2, as python3's can't-open; bytes
// that are not UTF-8 or a NUL: 1, CPython's SyntaxError, at line:col). An empty file reads.
int read_program_file(const std::string& path, std::string& out);

// The permalink fragment of a run: its program and lab config with the machine's final settings.
std::string run_link(const config::LabConfig& lab, const machine::MachineConfig& machine);

} // namespace cli
