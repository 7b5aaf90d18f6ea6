// schemerge-parse-floor FILE: the floor a schemerge command is measured against (issue
// 13): one single-threaded pg_query_parse_protobuf of the whole file, nothing else.
// Prints the protobuf size; exit 1 when the file cannot be read or does not parse.
#include <pg_query.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: schemerge-parse-floor FILE\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: error: cannot read the file\n", argv[1]);
        return 1;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.c_str());
    int rc = 0;
    if (result.error != nullptr) {
        std::fprintf(stderr, "%s: error: %s\n", argv[1], result.error->message);
        rc = 1;
    } else {
        std::printf("%zu bytes of protobuf\n", result.parse_tree.len);
    }
    pg_query_free_protobuf_parse_result(result);
    return rc;
}
