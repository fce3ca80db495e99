# The permalink decoder's libFuzzer target (tests/fuzz/), built when THREADLAB_FUZZ is on and the
# compiler is clang (libFuzzer is clang's; Debian: clang-14 and libclang-rt-14-dev). Configure:
#   cmake --preset fuzz      (clang-14, into build/fuzz)
# CTest's `fuzz_permalink` runs it over the corpus in tests/fuzz/corpus for a fixed number of
# inputs, so a run takes seconds and the same every time; new findings go to the build folder,
# never into the committed corpus.
option(THREADLAB_FUZZ "Build the libFuzzer target for the permalink decoder (clang only)" OFF)
if(THREADLAB_FUZZ AND NOT EMSCRIPTEN)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "THREADLAB_FUZZ needs clang (e.g. CC=clang-14 CXX=clang++-14)")
  endif()
  set(THREADLAB_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g)
  # The engine is instrumented for coverage and checked by the sanitizers; everything that links
  # it (CLI, unit tests) then needs the sanitizers' runtime too.
  foreach(layer ${THREADLAB_LAYERS})
    target_compile_options(threadlab_${layer} PRIVATE ${THREADLAB_FUZZ_FLAGS})
    target_link_options(threadlab_${layer} PUBLIC -fsanitize=address,undefined)
  endforeach()
  add_executable(fuzz_permalink tests/fuzz/fuzz_permalink.cpp)
  target_compile_options(fuzz_permalink PRIVATE ${THREADLAB_FUZZ_FLAGS})
  target_link_libraries(fuzz_permalink PRIVATE threadlab_engine)
  target_link_options(fuzz_permalink PRIVATE -fsanitize=fuzzer,address,undefined)
  set(FUZZ_WORK ${CMAKE_BINARY_DIR}/fuzz_corpus)
  file(MAKE_DIRECTORY ${FUZZ_WORK})
  # -runs counts inputs, not seconds: the same amount of work on any machine.
  add_test(NAME fuzz_permalink
    COMMAND fuzz_permalink -runs=30000 -seed=1 -max_len=4096 -timeout=5 -rss_limit_mb=1024
      -artifact_prefix=${CMAKE_BINARY_DIR}/ ${FUZZ_WORK} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus)
endif()
