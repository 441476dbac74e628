// The doctest main of unit_tests: every tests/unit/*.cpp is compiled into one binary, and CTest
// runs each test case on its own (doctest_discover_tests in CMakeLists.txt).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
