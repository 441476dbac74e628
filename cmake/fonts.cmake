# The UI fonts tools/embed.py subsets and compiles in, for the web build (CMakeLists.txt) and the
# native frame benchmark (bench/CMakeLists.txt): Noto Sans regular + bold (fonts-noto-core), else
# DejaVu Sans; symbols from DejaVu Sans. Sets CRB_FONT_REGULAR, CRB_FONT_BOLD, CRB_FONT_SYMBOLS.
# Plain EXISTS checks: find_file() would look inside the Emscripten sysroot only.
set(CRB_FONT_REGULAR "")
set(CRB_FONT_BOLD "")
foreach(_pair "noto/NotoSans-Regular.ttf|noto/NotoSans-Bold.ttf"
              "dejavu/DejaVuSans.ttf|dejavu/DejaVuSans-Bold.ttf")
    string(REPLACE "|" ";" _pair "${_pair}")
    list(GET _pair 0 _regular)
    list(GET _pair 1 _bold)
    if(NOT CRB_FONT_REGULAR AND EXISTS "/usr/share/fonts/truetype/${_regular}"
       AND EXISTS "/usr/share/fonts/truetype/${_bold}")
        set(CRB_FONT_REGULAR "/usr/share/fonts/truetype/${_regular}")
        set(CRB_FONT_BOLD "/usr/share/fonts/truetype/${_bold}")
    endif()
endforeach()
if(NOT CRB_FONT_REGULAR)
    message(FATAL_ERROR "Noto Sans (fonts-noto-core) or DejaVu Sans not found: run ./dev setup")
endif()
message(STATUS "UI font: ${CRB_FONT_REGULAR}")
set(CRB_FONT_SYMBOLS "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
if(NOT EXISTS "${CRB_FONT_SYMBOLS}")
    message(FATAL_ERROR "DejaVu Sans (fonts-dejavu-core) not found: run ./dev setup")
endif()
