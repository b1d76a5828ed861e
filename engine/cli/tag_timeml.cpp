#include "cli/tag_timeml.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/timex_json.h"
#include "core/diagnostic.h"
#include "corpus/timeml.h"
#include "export/timeml.h"

namespace annalist::cli {

namespace fs = std::filesystem;
namespace tml = corpus::timeml;

namespace {

struct input {
  fs::path path;
  fs::path relative;  // name under the output folder
};

void report(const diagnostic& d) { std::fputs((d.to_string() + "\n").c_str(), stderr); }

void report(std::string file, std::string message) {
  report(diagnostic{severity::error, std::move(file), {}, "timeml", std::move(message)});
}

// Files and folders as given, folders expanded to their *.tml files in sorted order.
// An input that does not exist is reported and left out.
void expand(const std::vector<fs::path>& given, std::vector<input>& out) {
  for (const auto& g : given) {
    std::error_code ec;
    if (fs::is_directory(g, ec)) {
      std::vector<input> found;
      for (auto it = fs::recursive_directory_iterator(g, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        const auto& p = it->path();
        // "._x.tml" are macOS resource forks that travel with copies of TempEval data.
        if (it->is_regular_file(ec) && p.extension() == ".tml" &&
            !p.filename().string().starts_with("._"))
          found.push_back({p, p.lexically_relative(g)});
      }
      if (ec) {
        report(g.string(), fmt::format("cannot list the folder: {}", ec.message()));
      }
      std::sort(found.begin(), found.end(),
                [](const input& a, const input& b) { return a.relative < b.relative; });
      if (found.empty() && !ec) report(g.string(), "no .tml file in this folder");
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(g, ec)) {
      out.push_back({g, g.filename()});
    } else {
      report(g.string(), "no such file or directory");
    }
  }
}

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(s).str();
}

bool write_file(const fs::path& p, std::string_view bytes) {
  std::error_code ec;
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    report(p.string(), "cannot write the output file");
    return false;
  }
  return true;
}

// The inverse of position_of: the byte offset whose line:column is `p` (end of text if none).
std::uint32_t offset_of(std::string_view text, source_position p) {
  source_position at{1, 1};
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool lead = (c & 0xC0) != 0x80;
    if (lead && at == p) return static_cast<std::uint32_t>(i);
    if (c == '\n') {
      ++at.line;
      at.column = 1;
    } else if (lead) {
      ++at.column;
    }
  }
  return static_cast<std::uint32_t>(text.size());
}

// The same JSON lines as `annalist tag` on text files, offsets into the plain TEXT.
std::string json_lines(std::string_view document, const std::vector<resolve::timex>& found) {
  std::string out;
  for (const auto& t : found) append_timex_json(out, document, t.start, t.end, t.text, t);
  return out;
}

}  // namespace

int tag_timeml(const tag_timeml_options& options, const tagger::lexicon& lex) {
  std::vector<input> inputs;
  expand(options.inputs, inputs);
  if (options.format == timeml_output::timeml && !options.out_dir && inputs.size() > 1) {
    report(diagnostic{severity::error, {}, {}, "usage",
                      fmt::format("TimeML output is one file per document: give -o DIR for {} "
                                  "documents (or --format json)",
                                  inputs.size())});
    return unusable;
  }
  std::size_t tagged = 0;
  for (const auto& in : inputs) {
    const std::string file = in.path.string();
    const auto bytes = read_file(in.path);
    if (!bytes) {
      report(file, "cannot read the file");
      continue;
    }
    auto r = tml::read(*bytes, file, {.require_dct = !options.dct.has_value()});
    for (const auto& d : r.diags) report(d);
    if (!r.doc) continue;
    tml::document& doc = *r.doc;

    resolve::reference_time ref{};
    if (options.dct) {
      ref = *options.dct;
    } else if (const auto dct = tml::parse_dct_value(doc.dct->value())) {
      ref = {dct->local, dct->gran};
    } else {
      report(diagnostic{severity::error, file, doc.dct->from, "timeml",
                        fmt::format("creation time value '{}' is not a date "
                                    "(YYYY-MM-DD or YYYY-MM-DDThh:mm); give one with --dct",
                                    doc.dct->value())});
      continue;
    }

    diagnostics notes;
    resolve::annotate_options opts;
    opts.dct = ref;
    opts.report = &notes;
    opts.file = file;
    const auto found = resolve::annotate(doc.text, opts, lex);
    for (auto& d : notes) {
      // The tagger counts lines and columns in the plain TEXT; the user has the .tml file.
      if (d.where) d.where = tml::position_in_file(doc, *bytes, offset_of(doc.text, d.where));
      report(d);
    }
    std::string output;
    fs::path dest;
    if (options.format == timeml_output::json) {
      output = json_lines(file, found);
      if (options.out_dir) dest = *options.out_dir / fs::path(in.relative).replace_extension(".jsonl");
    } else {
      // Our tags replace the document's own (EVENT, SIGNAL and gold TIMEX3 alike).
      doc.annotations = exports::timeml::timex_annotations(found, doc.dct.has_value());
      auto w = exports::timeml::write(doc, file);
      for (const auto& d : w.diags) report(d);
      output = std::move(w.xml);
      if (options.out_dir) dest = *options.out_dir / in.relative;
    }
    if (!dest.empty()) {
      if (!write_file(dest, output)) continue;
    } else {
      std::fwrite(output.data(), 1, output.size(), stdout);
    }
    ++tagged;
  }
  std::fflush(stdout);
  return tagged > 0 ? ok : unusable;
}

}  // namespace annalist::cli
