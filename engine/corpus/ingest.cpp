#include "corpus/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "corpus/toml_util.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace annalist::corpus {

// Defined in published.cpp: find_header_time plus the byte offset of what it matched.
std::optional<std::pair<publication_time, std::size_t>> find_header_time_at(
    std::string_view text, std::string_view zone, const zone_table& zones,
    const dateline_words& words, diagnostics& out);

namespace {

namespace fs = std::filesystem;
using text::offset_point;

diagnostic make(severity s, const std::string& file, source_position where, const char* scope,
                std::string message) {
  return {s, file, where, scope, std::move(message)};
}

const zone_table& zones_of(const ingest_options& o) {
  return o.zones ? *o.zones : *zone_table::shipped();
}
const dateline_words& words_of(const ingest_options& o) {
  return o.dateline ? *o.dateline : *dateline_words::shipped();
}
const std::vector<std::string>& abbreviations_of(const ingest_options& o) {
  return o.abbreviations ? *o.abbreviations : *shipped_abbreviations();
}

// Composes (repaired -> original) points with (normalized -> repaired) points into
// (normalized -> original) points, both lists sorted. Every breakpoint of either map is kept.
std::vector<offset_point> compose(const std::vector<offset_point>& nfc,
                                  const std::vector<offset_point>& repair) {
  if (repair.empty()) return nfc;
  std::vector<offset_point> out;
  for (const auto& p : nfc) out.push_back({p.to, text::map_back(repair, p.from)});
  for (const auto& r : repair) {
    // The normalized offset of repaired offset r: shift by the last NFC change before it.
    auto it = std::upper_bound(nfc.begin(), nfc.end(), r.to,
                               [](std::uint32_t v, const offset_point& p) { return v < p.from; });
    std::uint32_t n = r.to;
    if (it != nfc.begin()) n = std::prev(it)->to + (r.to - std::prev(it)->from);
    out.push_back({n, r.from});
  }
  std::sort(out.begin(), out.end(), [](const offset_point& a, const offset_point& b) {
    return a.to != b.to ? a.to < b.to : a.from < b.from;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const offset_point& a, const offset_point& b) { return a.to == b.to; }),
            out.end());
  return out;
}

// `seg` is used only when options.segment is set (and may then not be null).
std::optional<document> ingest_with(text::segmenter* seg, std::string bytes,
                                    std::string display_name, const ingest_options& options,
                                    diagnostics& out) {
  const std::string& name = display_name;
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max() / 2) {
    out.push_back(make(severity::error, name, {}, "corpus",
                       fmt::format("file too large ({} bytes; at most 2 GiB)", bytes.size())));
    return std::nullopt;
  }
  if (bytes.empty()) {
    out.push_back(make(severity::error, name, {}, "corpus", "empty file: nothing to read"));
    return std::nullopt;
  }
  if (const auto nul = text::find_nul(bytes); nul != std::string::npos) {
    out.push_back(make(severity::error, name, position_of(bytes, nul), "corpus",
                       fmt::format("binary file (NUL byte at byte offset {}): expected UTF-8 text",
                                   nul)));
    return std::nullopt;
  }
  // The file's bytes stay untouched in `bytes` (diagnostics give positions in the file as it is);
  // `body` is the text after the BOM, and after repair when there was any.
  const std::uint32_t bom = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view body = std::string_view(bytes).substr(bom);
  std::string repaired_text;
  std::vector<offset_point> repaired;
  if (auto bad = text::find_invalid_utf8(body)) {
    const std::size_t at = bad->offset + bom;
    if (!options.repair_utf8) {
      out.push_back(make(severity::error, name, position_of(bytes, at), "utf-8",
                         fmt::format("invalid UTF-8 at byte offset {}: {} (--repair-utf8 replaces "
                                     "invalid bytes with U+FFFD)", at, bad->reason)));
      return std::nullopt;
    }
    repaired_text = body;
    const std::size_t n = text::repair_utf8(repaired_text, repaired);
    body = repaired_text;
    out.push_back(make(severity::warning, name, position_of(bytes, at), "utf-8",
                       fmt::format("replaced {} invalid UTF-8 sequence{} with U+FFFD (first at "
                                   "byte offset {}: {})", n, n == 1 ? "" : "s", at, bad->reason)));
  }
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    out.push_back(make(severity::error, name, {}, "corpus", "file holds only white space"));
    return std::nullopt;
  }

  document doc;
  doc.file = display_name;
  doc.id = short_id(fs::path(display_name).filename().string());
  std::string_view original = bytes;
  if (!bom && repaired.empty() && text::is_nfc(body)) {
    // The usual case: the file is the text. It moves rather than being copied (a large file
    // would otherwise be held three times), and `original` follows it.
    doc.text = std::move(bytes);
    original = doc.text;
  } else {
    std::vector<offset_point> nfc;
    doc.text = text::to_nfc(body, nfc);
    const auto points = compose(nfc, repaired);
    if (bom) doc.offsets.add(0, bom);
    for (const auto& p : points) doc.offsets.add(p.to, p.from + bom);
  }

  doc.published.zone = options.default_zone;
  std::uint32_t header_end = 0;
  if (known_zone(options.default_zone)) {
    diagnostics found;
    if (auto h = find_header_time_at(doc.text, options.default_zone, zones_of(options),
                                     words_of(options), found)) {
      doc.published = std::move(h->first);
      doc.published.where =
          position_of(original, doc.original_offset(static_cast<std::uint32_t>(h->second)));
      header_end = static_cast<std::uint32_t>(h->second + doc.published.stated.size());
    }
    for (auto& d : found) {
      d.file = name;
      out.push_back(std::move(d));
    }
  }

  if (!options.segment) return doc;
  for (const auto& p : text::paragraphs(doc.text)) {
    const auto index = static_cast<std::uint32_t>(doc.paragraphs.size());
    doc.paragraphs.push_back({p.start, p.end});
    for (const auto& s : seg->sentences(doc.text, p)) {
      // A dateline that runs into the story on one line ("date 2021-05-19 U.S. officials...")
      // is a unit of its own, not the start of the first sentence.
      if (header_end > s.start && header_end < s.end) {
        doc.sentences.push_back({{s.start, header_end}, index});
        std::uint32_t next = header_end;
        while (next < s.end && (doc.text[next] == ' ' || doc.text[next] == '\t')) ++next;
        doc.sentences.push_back({{next, s.end}, index});
        continue;
      }
      doc.sentences.push_back({{s.start, s.end}, index});
    }
  }
  return doc;
}

// A string of `size` bytes to read a file into. The kernel maps a fresh buffer on first touch,
// one page fault per 4 KiB page, and on a virtual machine a fault costs microseconds: a 20 MB
// file took 5,000 of them, more CPU than validating it. A large buffer asks for huge pages,
// which cut that to a few hundred where the kernel grants them (transparent huge pages set to
// "always" or "madvise"); elsewhere the request changes nothing.
std::string file_buffer(std::size_t size) {
  std::string s;
  s.reserve(size);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t huge_page = 2u << 20;
  if (size >= huge_page) {
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto at = reinterpret_cast<std::uintptr_t>(s.data());
    const std::uintptr_t begin = (at + page - 1) & ~(page - 1), end = (at + size) & ~(page - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
#endif
  s.resize(size);
  return s;
}

std::optional<std::string> read_bytes(const fs::path& file, const std::string& name,
                                      diagnostics& out) {
  std::error_code ec;
  const auto st = fs::status(file, ec);
  if (ec || !fs::exists(st)) {
    out.push_back(make(severity::error, name, {}, "corpus", "no such file"));
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    out.push_back(make(severity::error, name, {}, "corpus", "is a folder, not a document"));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out.push_back(make(severity::error, name, {}, "corpus",
                       fmt::format("cannot open: {}", std::strerror(errno))));
    return std::nullopt;
  }
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string bytes = file_buffer(size > 0 ? static_cast<std::size_t>(size) : 0);
  if (!bytes.empty()) in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in && !bytes.empty()) {
    out.push_back(make(severity::error, name, {}, "corpus", "read error"));
    return std::nullopt;
  }
  return bytes;
}

// The first error added to `out` since `mark`, as skipped_file text.
std::string first_error(const diagnostics& out, std::size_t mark) {
  for (std::size_t i = mark; i < out.size(); ++i)
    if (out[i].level == severity::error) return out[i].to_string();
  return "unusable document";
}

struct entry {
  std::string file;
  std::string source, url;
  std::string zone;
  std::optional<publication_time> published;
  source_position where;  // of the [[document]] table, or of its `file` value
  bool ok = true;
  std::string error;
};

const std::vector<std::string> kTopKeys = {"corpus", "document"};
const std::vector<std::string> kCorpusKeys = {"name", "timezone"};
const std::vector<std::string> kDocumentKeys = {"file", "source", "url", "published", "timezone"};

std::string display(const fs::path& p) { return p.lexically_normal().string(); }

// A string field, or an error when the key holds another type.
std::optional<std::string> string_field(const toml::table& t, const char* key,
                                        const std::string& file, diagnostics& out, bool& ok) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  out.push_back(make(severity::error, file, detail::pos(*n), "manifest",
                     fmt::format("'{}' must be a string", key)));
  ok = false;
  return std::nullopt;
}


}  // namespace

std::string short_id(std::string_view file_name) {
  const auto cut = file_name.find_first_of("_.");
  if (cut == 0 || cut == std::string_view::npos) return std::string(file_name);
  return std::string(file_name.substr(0, cut));
}

std::optional<document> ingest(std::string bytes, std::string display_name,
                               const ingest_options& options, diagnostics& out) {
  // ICU's sentence iterator is built only when it will be used: `annalist tag` ingests every
  // file without segmentation, and building it costs more than tagging a short article.
  std::optional<text::segmenter> seg;
  if (options.segment) seg.emplace(abbreviations_of(options));
  return ingest_with(seg ? &*seg : nullptr, std::move(bytes), std::move(display_name), options, out);
}

std::optional<document> load_document(const fs::path& file, const ingest_options& options,
                                      diagnostics& out) {
  const std::string name = file.string();
  auto bytes = read_bytes(file, name, out);
  if (!bytes) return std::nullopt;
  auto doc = ingest(std::move(*bytes), name, options, out);
  if (doc) doc->path = file;
  return doc;
}

std::optional<corpus> load_corpus(const fs::path& where, const ingest_options& options,
                                  diagnostics& out) {
  const std::string where_name = where.string();
  std::error_code ec;
  const auto st = fs::status(where, ec);
  if (ec || !fs::exists(st)) {
    out.push_back(make(severity::error, where_name, {}, "corpus", "no such file or folder"));
    return std::nullopt;
  }
  corpus c;
  c.zone = options.default_zone;
  std::optional<fs::path> manifest;
  std::vector<entry> entries;
  if (fs::is_directory(st)) {
    c.dir = where;
    if (fs::exists(where / "corpus.toml")) manifest = where / "corpus.toml";
  } else if (where.extension() == ".toml") {
    manifest = where;
    c.dir = where.parent_path().empty() ? fs::path(".") : where.parent_path();
  } else {
    // A single article is a corpus of one.
    c.dir = where.parent_path().empty() ? fs::path(".") : where.parent_path();
    entries.push_back({where.filename().string(), {}, {}, {}, {}, {}, true, {}});
  }
  c.name = fs::absolute(c.dir).lexically_normal().filename().string();
  if (c.name.empty()) c.name = fs::absolute(c.dir).lexically_normal().parent_path().filename().string();

  if (manifest) {
    const std::string mname = display(*manifest);
    auto bytes = read_bytes(*manifest, mname, out);
    if (!bytes) return std::nullopt;
    auto doc = detail::parse_toml(*bytes, mname, "manifest", out);
    if (!doc) return std::nullopt;
    detail::check_keys(*doc, kTopKeys, "the manifest", mname, "manifest", out);
    if (const toml::node* cn = doc->get("corpus")) {
      if (const auto* ct = cn->as_table()) {
        detail::check_keys(*ct, kCorpusKeys, "[corpus]", mname, "manifest", out);
        bool ok = true;
        if (auto n = string_field(*ct, "name", mname, out, ok)) c.name = *n;
        if (auto z = string_field(*ct, "timezone", mname, out, ok)) {
          if (known_zone(*z)) {
            c.zone = *z;
          } else {
            out.push_back(make(severity::error, mname, detail::pos(*ct->get("timezone")), "manifest",
                               unknown_zone_message(*z) + fmt::format("; using {}", c.zone)));
          }
        }
      } else {
        out.push_back(make(severity::error, mname, detail::pos(*cn), "manifest",
                           "'corpus' must be a table: [corpus]"));
      }
    }
    const toml::node* dn = doc->get("document");
    const toml::array* docs = dn ? dn->as_array() : nullptr;
    if (dn && !docs) {
      out.push_back(make(severity::error, mname, detail::pos(*dn), "manifest",
                         "'document' must be an array of tables: [[document]]"));
    }
    if (!docs || docs->empty()) {
      out.push_back(make(severity::error, mname, {}, "manifest",
                         "no [[document]] entries: list each article with its file"));
      return std::nullopt;
    }
    std::set<std::string> seen;
    for (const auto& node : *docs) {
      entry e;
      e.where = detail::pos(node);
      const std::size_t mark = out.size();
      const auto* t = node.as_table();
      if (!t) {
        out.push_back(make(severity::error, mname, e.where, "manifest", "[[document]] must be a table"));
        continue;
      }
      e.ok = detail::check_keys(*t, kDocumentKeys, "[[document]]", mname, "manifest", out);
      auto f = string_field(*t, "file", mname, out, e.ok);
      if (!f || f->empty()) {
        if (!t->get("file"))
          out.push_back(make(severity::error, mname, e.where, "manifest",
                             "[[document]] without 'file'"));
        e.ok = false;
        e.file = f.value_or("");
      } else {
        e.file = *f;
        e.where = detail::pos(*t->get("file"));
        if (!seen.insert(e.file).second) {
          out.push_back(make(severity::error, mname, e.where, "manifest",
                             fmt::format("'{}' is listed twice", e.file)));
          e.ok = false;
        }
      }
      e.source = string_field(*t, "source", mname, out, e.ok).value_or("");
      e.url = string_field(*t, "url", mname, out, e.ok).value_or("");
      e.zone = c.zone;
      if (auto z = string_field(*t, "timezone", mname, out, e.ok)) {
        if (known_zone(*z)) {
          e.zone = *z;
        } else {
          out.push_back(make(severity::error, mname, detail::pos(*t->get("timezone")), "manifest",
                             unknown_zone_message(*z)));
          e.ok = false;
        }
      }
      if (const toml::node* pn = t->get("published"); pn && e.ok) {
        std::optional<std::string> value;
        if (const auto* s = pn->as_string()) {
          value = s->get();
        } else if (const auto* d = pn->as_date()) {
          // TOML's own date literal: published = 2021-05-19
          value = fmt::format("{:04}-{:02}-{:02}", d->get().year, d->get().month, d->get().day);
        } else if (const auto* dt = pn->as_date_time()) {
          const auto& v = dt->get();
          value = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", v.date.year, v.date.month,
                              v.date.day, v.time.hour, v.time.minute);
          if (v.offset) {
            const int m = v.offset->minutes;
            value = *value + fmt::format("{}{:02}:{:02}", m < 0 ? '-' : '+', std::abs(m) / 60,
                                         std::abs(m) % 60);
          }
        } else {
          out.push_back(make(severity::error, mname, detail::pos(*pn), "manifest",
                             "'published' must be a date or a string such as \"2021-05-19\""));
          e.ok = false;
        }
        if (value) {
          diagnostics pd;
          e.published = parse_published(*value, e.zone, zones_of(options), words_of(options), pd);
          if (e.published) e.published->where = detail::pos(*pn);
          for (auto& d : pd) {
            d.file = mname;
            d.where = detail::pos(*pn);
            d.scope = "manifest";
            if (d.level == severity::error) e.ok = false;
            out.push_back(std::move(d));
          }
        }
      }
      if (!e.ok) e.error = first_error(out, mark);
      entries.push_back(std::move(e));
    }
  } else if (entries.empty()) {
    std::vector<std::string> files;
    for (const auto& de : fs::directory_iterator(where, ec)) {
      if (de.path().extension() == ".txt" && !fs::is_directory(de.path()))
        files.push_back(de.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      out.push_back(make(severity::error, where_name, {}, "corpus",
                         "no corpus.toml and no *.txt documents in this folder"));
      return std::nullopt;
    }
    for (auto& f : files) entries.push_back({std::move(f), {}, {}, {}, {}, {}, true, {}});
  }

  std::optional<text::segmenter> seg;
  if (options.segment) seg.emplace(abbreviations_of(options));
  for (auto& e : entries) {
    if (e.zone.empty()) e.zone = c.zone;
    if (!e.ok) {
      c.skipped.push_back({e.file, e.error});
      continue;
    }
    const fs::path path = c.dir / e.file;
    const std::string name = display(path);
    const std::size_t mark = out.size();
    std::error_code fe;
    if (manifest && !fs::exists(path, fe)) {
      out.push_back(make(severity::error, display(*manifest), e.where, "manifest",
                         fmt::format("'{}' does not exist in {}", e.file, display(c.dir))));
      c.skipped.push_back({e.file, first_error(out, mark)});
      continue;
    }
    auto bytes = read_bytes(path, name, out);
    ingest_options o = options;
    o.default_zone = e.zone;
    std::optional<document> doc;
    if (bytes) doc = ingest_with(seg ? &*seg : nullptr, std::move(*bytes), name, o, out);
    if (!doc) {
      c.skipped.push_back({e.file, first_error(out, mark)});
      continue;
    }
    doc->file = e.file;
    doc->path = path;
    doc->source = e.source;
    doc->url = e.url;
    if (e.published) doc->published = std::move(*e.published);
    c.documents.push_back(std::move(*doc));
  }

  // Ids: the short form when it is unique in the corpus, else the whole stem.
  std::map<std::string, int> uses;
  for (const auto& d : c.documents) ++uses[short_id(d.file)];
  for (auto& d : c.documents) {
    d.id = short_id(d.file);
    if (uses[d.id] > 1) d.id = fs::path(d.file).stem().string();
  }

  if (c.documents.empty()) {
    out.push_back(make(severity::error, where_name, {}, "corpus",
                       fmt::format("nothing usable: all {} document{} skipped", c.skipped.size(),
                                   c.skipped.size() == 1 ? " was" : "s were")));
    return std::nullopt;
  }
  return c;
}

}  // namespace annalist::corpus
