# The browser app: Dear ImGui (GLFW + OpenGL3 backends on WebGL2), the UI panels, the app's main
# loop, and the GLSL sources from shaders/ embedded at build time. Its files are gathered into
# build/web/ (index.html, style.css, threadlab_app.js, .wasm, .worker.js) for scripts/serve.
set(IMGUI_DIR ${THIRD_PARTY}/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources are missing in ${IMGUI_DIR}: run ./scripts/setup")
endif()

# Not imgui_demo.cpp: the page never shows the demo window.
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends
  ${IMGUI_DIR}/misc/cpp)
target_compile_options(imgui PUBLIC -pthread)
# The page's weight (issue 19): what runs once per program or per frame is built for size, the
# engine's inner loops for speed. Dear ImGui and the windows draw a frame in a few milliseconds
# either way; the front end (lang) compiles a program once, config reads a link once and the
# explorer's own code only plans schedules; the interpreter and the machine (python, machine)
# stay at the build type's -O3. The link's optimizer (-Oz, below) shrinks what is left.
set(THREADLAB_UI_SIZE_FLAGS -Oz)
target_compile_options(imgui PRIVATE ${THREADLAB_UI_SIZE_FLAGS})
foreach(layer lang config explore)
  target_compile_options(threadlab_${layer} PRIVATE ${THREADLAB_UI_SIZE_FLAGS})
endforeach()
# No ImFileOpen and friends: the page reads no files (its fonts are in memory, ImGui's .ini is off).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS)

# Each shaders/NAME.EXT becomes the string constant kShader_NAME_EXT in generated/shaders.h.
file(GLOB SHADER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert
  ${CMAKE_SOURCE_DIR}/shaders/*.frag)
set(SHADERS_HEADER ${CMAKE_BINARY_DIR}/generated/shaders.h)
embed_files(${SHADERS_HEADER} Shader ${SHADER_SOURCES})

# --- Fonts: cut at build time to the characters the UI draws (pyftsubset, Debian's fonttools),
#     without hinting, layout tables or names, which Dear ImGui's rasterizer does not read.
#     THREADLAB_UI_GLYPH_RANGES is the one list of those characters: the subsets and the
#     atlas's ranges (generated/ui_glyph_ranges.h, read by src/ui/theme.cpp) both come from it.
#     Latin-1 and Latin Extended-A (the accents of European languages), Greek (π, λ, Δ in
#     formulas), punctuation (… — “ ”), arrows, mathematical operators, box drawing and geometric
#     shapes: what lessons, programs and their output use. Not Latin Extended-B nor Cyrillic: no
#     lesson or window uses them, and they were 31 KB of the page's 2 MB (a program that prints
#     them shows "?" for each).
find_program(PYFTSUBSET pyftsubset)
if(NOT PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset is missing (Debian's fonttools): run ./scripts/setup")
endif()
set(THREADLAB_UI_GLYPH_RANGES 0020-017F 0370-03FF 2000-206F 2190-21FF 2200-22FF 2500-25FF)
set(ui_unicodes "")
set(ui_ranges_c "")
foreach(range ${THREADLAB_UI_GLYPH_RANGES})
  string(REPLACE "-" ";" bounds ${range})
  list(GET bounds 0 first)
  list(GET bounds 1 last)
  list(APPEND ui_unicodes "U+${range}")
  string(APPEND ui_ranges_c "0x${first}, 0x${last}, ")
endforeach()
list(JOIN ui_unicodes "," THREADLAB_UI_UNICODES)
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/generated/ui_glyph_ranges.h CONTENT
  "// Generated from THREADLAB_UI_GLYPH_RANGES (cmake/web_app.cmake): pairs of first, last.\n#define THREADLAB_UI_GLYPH_RANGES ${ui_ranges_c}0\n")

# threadlab_font(NAME SOURCE UNICODES): SOURCE cut to UNICODES, embedded in the module as a byte
# array (generated/ui_fonts.h, below). A font to merge into the UI font's atlas (another script)
# is one more call.
set(THREADLAB_FONT_FILES "")
function(threadlab_font name source unicodes)
  set(out ${CMAKE_BINARY_DIR}/fonts/${name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${PYFTSUBSET} ${source} --unicodes=${unicodes} --no-hinting --layout-features=
      --name-IDs= --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM --output-file=${out}
    DEPENDS ${source} COMMENT "Subsetting ${name}" VERBATIM)
  set(THREADLAB_FONT_FILES ${THREADLAB_FONT_FILES} ${out} PARENT_SCOPE)
endfunction()
set(DEJAVU_DIR /usr/share/fonts/truetype/dejavu)
threadlab_font(DejaVuSans.ttf ${DEJAVU_DIR}/DejaVuSans.ttf ${THREADLAB_UI_UNICODES})
threadlab_font(DejaVuSansMono.ttf ${DEJAVU_DIR}/DejaVuSansMono.ttf ${THREADLAB_UI_UNICODES})

# The Chinese glyphs: the CJK characters the interface, the lessons and the examples use, cut from
# Debian's WenQuanYi Micro Hei with pyftsubset (scripts/cjk_subset.py; Debian's python3, which has
# fontTools), with their glyph ranges for the font atlas in generated/cjk_glyphs.h. The build
# fails when the font lacks one; the CTest check fails when a string uses one the subset lacks.
find_program(THREADLAB_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(CJK_FONT_SOURCE /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
# Every file the page compiles, so that a literal outside the string table (src/ui/strings.cpp) is caught too.
file(GLOB CJK_PAGE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp ${CMAKE_SOURCE_DIR}/src/app/*.cpp)
set(CJK_TEXT_SOURCES ${CJK_PAGE_SOURCES} ${CMAKE_SOURCE_DIR}/src/lessons/lessons.cpp
  ${EXAMPLE_PROGRAMS})
set(CJK_FONT ${CMAKE_BINARY_DIR}/generated/cjk_subset.ttf)
set(CJK_HEADER ${CMAKE_BINARY_DIR}/generated/cjk_glyphs.h)
add_custom_command(OUTPUT ${CJK_FONT} ${CJK_HEADER}
  COMMAND ${THREADLAB_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/cjk_subset.py make ${CJK_FONT_SOURCE}
    ${CJK_FONT} ${CJK_HEADER} ${CJK_TEXT_SOURCES}
  DEPENDS ${CJK_TEXT_SOURCES} ${CMAKE_SOURCE_DIR}/scripts/cjk_subset.py
  COMMENT "Cutting the CJK font subset" VERBATIM)
list(JOIN THREADLAB_UI_GLYPH_RANGES "," CJK_UI_RANGES)
add_test(NAME cjk_glyphs COMMAND ${THREADLAB_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/cjk_subset.py check
  ${CJK_FONT} --ui-ranges ${CJK_UI_RANGES} ${CJK_TEXT_SOURCES})
add_test(NAME cjk_glyphs_catch_missing COMMAND ${THREADLAB_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/cjk_subset.py
  check ${CJK_FONT} ${CMAKE_SOURCE_DIR}/tests/fonts/rare_character.txt)
set_tests_properties(cjk_glyphs_catch_missing PROPERTIES PASS_REGULAR_EXPRESSION "U\\+9F98 .* has no glyph")
add_test(NAME cjk_glyphs_catch_outside_ui_ranges COMMAND ${THREADLAB_DEBIAN_PYTHON}
  ${CMAKE_SOURCE_DIR}/scripts/cjk_subset.py check ${CJK_FONT} --ui-ranges ${CJK_UI_RANGES}
  ${CMAKE_SOURCE_DIR}/tests/fonts/outside_ui_ranges.txt)
set_tests_properties(cjk_glyphs_catch_outside_ui_ranges PROPERTIES PASS_REGULAR_EXPRESSION "U\\+2713 .* outside")

# The fonts, deflated, as byte arrays kFont_<name>_deflate that src/ui/theme.cpp inflates once:
# 175 KB instead of 300. With nothing else to read, the page is linked without Emscripten's file
# system (-sFILESYSTEM=0 below).
set(FONTS_HEADER ${CMAKE_BINARY_DIR}/generated/ui_fonts.h)
embed_deflated(${FONTS_HEADER} Font ${THREADLAB_FONT_FILES} ${CJK_FONT})

file(GLOB APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/ui/*.cpp src/ui/gl/*.cpp)
list(FILTER APP_SOURCES EXCLUDE REGEX "(_model|/strings)\\.cpp$")
add_executable(threadlab_app ${APP_SOURCES} ${SHADERS_HEADER} ${CJK_HEADER} ${FONTS_HEADER})
target_link_libraries(threadlab_app PRIVATE threadlab_engine threadlab_real imgui)
target_compile_options(threadlab_app PRIVATE ${THREADLAB_UI_SIZE_FLAGS})
if(TARGET threadlab_view)
  target_link_libraries(threadlab_app PRIVATE threadlab_view)
endif()
add_dependencies(threadlab_app threadlab_version)
target_include_directories(threadlab_app PRIVATE ${CMAKE_BINARY_DIR}/generated)
# Several build folders can each gather their own copy of the page (tests read THREADLAB_WEB_DIR).
set(THREADLAB_WEB_OUT ${CMAKE_SOURCE_DIR}/build/web CACHE PATH "Where the page's files are gathered")
set(WEB_OUT ${THREADLAB_WEB_OUT})
set_target_properties(threadlab_app PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${WEB_OUT})
# The pool: the engine's thread, the Real machine's probe runner and the threads its probes start
# at once (two ping-ponging, or one per core of a 4-core machine for the speedup); more cores
# get their Web Workers on demand, started before the measurement's clock starts. The Explore
# window's search takes one more and up to 3 for its workers (app::PageExploreWorkers): all of it
# fits unless the Real machine measures on many cores meanwhile, and then the pool grows (the
# threads that wait for the new Workers are never the page's own). The pool loads
# before main runs, so the engine's thread is alive from the first frame. Asyncify comes with
# threadlab_real (CMakeLists.txt), limited to the fibers' code.
target_link_options(threadlab_app PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -Oz -sPTHREAD_POOL_SIZE=8
  -sEXPORTED_FUNCTIONS=_main,_threadlab_state_json,_threadlab_paste,_threadlab_touch,_threadlab_key,_threadlab_text
  -sFILESYSTEM=0
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sENVIRONMENT=web,worker)

# The hand-written shell (web/) beside the build output.
file(GLOB WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_command(TARGET threadlab_app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WEB_FILES} ${WEB_OUT}/
  COMMENT "Copying the web shell into ${WEB_OUT}")
