#!/usr/bin/env python3
"""Writes a content folder for bench/content/run.sh: one plan with 5 themes and N item files.

    python3 bench/content/generate.py [N] [DIR]      (default: 10000 files into ./bench-content)

The files follow content/README.md and look like a commune's real content: Vietnamese titles,
summaries and 150-400 word Markdown bodies with headings and lists, themes, tags, villages,
priorities, dates, channel variants, attachments, and a few procedures (procedures/) and legal
documents (documents/). Everything comes from one seeded random generator, so the same N gives the
same folder on every machine; N=0 gives the plan alone (the empty baseline). Standard library only.
"""
import json
import os
import random
import sys
import unicodedata

SEED = 20261128

THEMES = [
    ("chuong-trinh-cchc", "Chương trình, kế hoạch CCHC các cấp",
     "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và kế hoạch của tỉnh, huyện, xã."),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính đã công bố, chuẩn hóa",
     "Phổ biến kịp thời các thủ tục hành chính thuộc thẩm quyền giải quyết của xã."),
    ("dich-vu-cong-truc-tuyen", "Dịch vụ công trực tuyến và bưu chính công ích",
     "Nộp hồ sơ và nhận kết quả trực tuyến, qua dịch vụ bưu chính công ích."),
    ("guong-dien-hinh", "Gương điển hình, sáng kiến, một cửa liên thông",
     "Gương điển hình tiên tiến, sáng kiến, mô hình một cửa liên thông, ứng dụng công nghệ thông tin."),
    ("thi-dua-cchc", "Phong trào thi đua về CCHC",
     "Thi đua nâng cao chất lượng giải quyết hồ sơ, kỷ luật, kỷ cương hành chính, văn hóa công sở."),
]

VILLAGES = [f"thon-{i}" for i in range(1, 13)] + ["cum-loa-trung-tam", "cum-loa-ven-song"]
AUTHORS = ["Nguyễn Thị Lan", "Lê Văn Hùng", "Trần Thị Mai", "Phạm Văn Dũng", "Hoàng Thị Thu", "Đỗ Văn Nam"]
APPROVERS = ["Lê Văn Tý", "Nguyễn Văn Bình"]
TAGS = ["khai-sinh", "ho-tich", "dat-dai", "bao-hiem-y-te", "tiem-chung", "phong-chong-lut-bao", "nong-thon-moi",
        "an-toan-giao-thong", "tiep-cong-dan", "thue", "nghia-vu-quan-su", "mua-vu", "ve-sinh-moi-truong",
        "chuyen-doi-so", "bau-cu", "hoc-bong", "lao-dong-viec-lam", "phong-chay-chua-chay"]

# Title patterns: {x} is a subject, {m} a month, {y} a year, {t} a village.
TITLES = [
    "Thông báo lịch tiếp công dân tháng {m} năm {y}",
    "UBND xã triển khai {x} tại {t}",
    "Hướng dẫn người dân thực hiện {x}",
    "Kết quả {x} trong quý {q} năm {y}",
    "Tuyên truyền {x} đến từng hộ gia đình",
    "Kế hoạch {x} tháng {m}/{y}",
    "Thông báo: tạm dừng cấp điện tại {t} để bảo dưỡng lưới",
    "Hội nghị sơ kết {x} 6 tháng đầu năm {y}",
    "Cảnh báo mưa lớn, triều cường: người dân {t} chủ động phòng tránh",
    "{T} đạt kết quả tốt trong {x}",
]
SUBJECTS = [
    "cải cách hành chính", "chuyển đổi số", "cấp căn cước công dân", "đăng ký khai sinh trực tuyến",
    "tiêm chủng mở rộng", "thu thuế sử dụng đất phi nông nghiệp", "xây dựng nông thôn mới nâng cao",
    "phòng chống lụt bão", "vệ sinh môi trường", "bảo hiểm y tế hộ gia đình", "thanh toán không dùng tiền mặt",
    "dịch vụ công trực tuyến toàn trình", "chỉnh trang đường làng ngõ xóm", "gieo cấy vụ chiêm xuân",
    "khám tuyển nghĩa vụ quân sự", "phòng cháy chữa cháy", "an toàn giao thông", "hiến máu tình nguyện",
]
SENTENCES = [
    "Thực hiện kế hoạch của UBND huyện, UBND xã đã chỉ đạo các thôn tổ chức tuyên truyền rộng rãi đến Nhân dân.",
    "Người dân có thể nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia hoặc trực tiếp tại Bộ phận một cửa.",
    "Cán bộ tư pháp - hộ tịch sẽ hướng dẫn cụ thể các giấy tờ cần chuẩn bị và thời gian trả kết quả.",
    "Trong thời gian qua, phong trào đã nhận được sự hưởng ứng tích cực của đông đảo cán bộ và Nhân dân.",
    "Các trưởng thôn có trách nhiệm thông báo trên hệ thống loa truyền thanh vào sáng và chiều hằng ngày.",
    "Ban chỉ đạo xã yêu cầu các đơn vị báo cáo kết quả thực hiện trước ngày 25 hằng tháng.",
    "Mọi thắc mắc xin liên hệ Văn phòng UBND xã trong giờ hành chính từ thứ Hai đến thứ Sáu.",
    "Đến nay, toàn xã đã có hơn tám mươi phần trăm hồ sơ được tiếp nhận và giải quyết trực tuyến.",
    "Hội Liên hiệp Phụ nữ và Đoàn Thanh niên phối hợp hướng dẫn người cao tuổi sử dụng ứng dụng trên điện thoại.",
    "UBND xã đề nghị bà con chủ động theo dõi thông tin dự báo thời tiết và gia cố nhà cửa, chuồng trại.",
    "Kết quả giải quyết hồ sơ được công khai tại trụ sở UBND xã và trên trang thông tin điện tử của xã.",
    "Xã đã tổ chức tập huấn cho cán bộ, công chức về kỹ năng tiếp công dân và giải quyết thủ tục hành chính.",
    "Lệ phí được miễn đối với hộ nghèo, hộ cận nghèo, người có công với cách mạng theo quy định hiện hành.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng ra các thôn trong toàn xã.",
    "Bà con lưu ý mang theo căn cước công dân và sổ hộ khẩu hoặc giấy xác nhận thông tin cư trú khi đến làm thủ tục.",
    "Công an xã tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự trên địa bàn trong dịp lễ, Tết.",
    "Trạm Y tế xã tổ chức tiêm bổ sung cho trẻ chưa được tiêm đủ mũi theo lịch.",
    "Việc chi trả trợ cấp được thực hiện qua tài khoản ngân hàng để bảo đảm nhanh chóng, minh bạch.",
]
HEADINGS = ["Nội dung chính", "Thời gian, địa điểm", "Đối tượng áp dụng", "Hồ sơ cần chuẩn bị", "Cách thức thực hiện",
            "Kết quả đạt được", "Tổ chức thực hiện", "Lưu ý"]
LIST_ENTRIES = [
    "Căn cước công dân hoặc giấy tờ tùy thân còn giá trị", "Tờ khai theo mẫu (nhận tại Bộ phận một cửa)",
    "Sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ", "Hộ gia đình, cá nhân cư trú trên địa bàn xã",
    "Nộp trực tuyến trên Cổng dịch vụ công", "Nhận kết quả qua dịch vụ bưu chính công ích",
    "Trưởng thôn tổng hợp danh sách gửi UBND xã", "Văn phòng UBND xã theo dõi, đôn đốc, báo cáo",
]


def slug(text):
    """The ASCII id part of a Vietnamese title: 'Thông báo lịch' -> 'thong-bao-lich'."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in bare).split()
    return "-".join(words)[:60].strip("-")


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML), safe for ':' and '#'."""
    return json.dumps(text, ensure_ascii=False)


def ylist(values):
    return "[" + ", ".join(values) + "]"


def title(rnd):
    return rnd.choice(TITLES).format(x=rnd.choice(SUBJECTS), m=rnd.randint(1, 12), y=rnd.choice([2025, 2026]),
                                     q=rnd.randint(1, 4), t=f"thôn {rnd.randint(1, 12)}",
                                     T=f"Thôn {rnd.randint(1, 12)}")


def body(rnd):
    """150-400 words of Markdown: paragraphs under '##' headings, with a list here and there."""
    target = rnd.randint(150, 400)
    parts = [" ".join(rnd.sample(SENTENCES, 3))]
    words = len(parts[0].split())
    while words < target:
        heading = "## " + rnd.choice(HEADINGS)
        if rnd.random() < 0.5:
            part = "\n".join("- " + e for e in rnd.sample(LIST_ENTRIES, rnd.randint(2, 4)))
        else:
            part = " ".join(rnd.sample(SENTENCES, rnd.randint(2, 4)))
        if words + len(heading.split()) + len(part.split()) > 400:
            break  # already past 150 words here: parts are shorter than 250 words
        parts += [heading, part]
        words += len(heading.split()) + len(part.split())
    return "\n\n".join(parts)


def common(rnd, i, kind, ttl):
    """The front matter lines every kind shares."""
    lines = [f"id: {slug(ttl)}-{i:05d}", f"kind: {kind}", f"title: {q(ttl)}",
             f"summary: {q(' '.join(rnd.sample(SENTENCES, 2)))}",
             "themes: " + ylist(rnd.sample([t[0] for t in THEMES], rnd.randint(1, 2)))]
    if rnd.random() < 0.8:
        lines.append("tags: " + ylist(rnd.sample(TAGS, rnd.randint(1, 3))))
    if rnd.random() < 0.3:
        lines.append("zones: " + ylist(rnd.sample(VILLAGES, rnd.randint(1, 3))))
    lines.append("priority: " + rnd.choices(["normal", "priority", "emergency"], [90, 9, 1])[0])
    lines.append(f"author: {rnd.choice(AUTHORS)}")
    status = rnd.choices(["approved", "submitted", "draft"], [80, 15, 5])[0]
    lines.append(f"status: {status}")
    if status == "approved":
        lines.append(f"approved-by: {rnd.choice(APPROVERS)}")
    day, hour = rnd.randint(1, 28), rnd.choice([6, 7, 11, 17])
    month = rnd.randint(1, 11)
    lines.append(f"publish-at: 2026-{month:02d}-{day:02d} {hour:02d}:00")
    if rnd.random() < 0.5:
        lines.append(f"expire-at: 2026-{month + 1:02d}-{day:02d} 17:00")
    return lines


def item(rnd, i):
    ttl = title(rnd)
    lines = common(rnd, i, rnd.choices(["news", "announcement"], [60, 40])[0], ttl)
    if rnd.random() < 0.3:
        lines.append("channels: " + ylist(rnd.sample(["web", "feed", "email", "radio"], rnd.randint(1, 3))))
    if rnd.random() < 0.1:  # attachments make the loader check that the media file exists
        lines += ["attachments:", "  - file: media/thong-bao.pdf", f"    title: {q('Toàn văn ' + ttl)}"]
    if rnd.random() < 0.2:
        lines += ["email:", f"  subject: {q(ttl[:120])}"]
    if rnd.random() < 0.3:
        lines += ["radio:", "  script: >-", "    " + " ".join(rnd.sample(SENTENCES, 3))]
    return "items", lines


def procedure(rnd, i):
    ttl = "Thủ tục " + rnd.choice(["đăng ký khai sinh", "đăng ký kết hôn", "chứng thực bản sao", "đăng ký khai tử",
                                   "xác nhận tình trạng hôn nhân", "đăng ký thường trú"])
    lines = common(rnd, i, "procedure", ttl)
    lines += ["procedure:", f"  code: \"1.00{rnd.randint(1000, 9999)}\"", "  field: Hộ tịch",
              "  level: " + rnd.choice(["full-online", "partly-online"]),
              "  processing-time: Ngay trong ngày làm việc", "  fee: Miễn lệ phí",
              "  papers:", "    - Tờ khai theo mẫu", "    - Căn cước công dân",
              "  steps:", "    - Nộp hồ sơ trực tuyến hoặc tại Bộ phận một cửa UBND xã",
              "    - Công chức tư pháp - hộ tịch kiểm tra hồ sơ", "    - Trả kết quả",
              "  legal-basis:", "    - Luật Hộ tịch năm 2014", "    - Nghị định số 123/2015/NĐ-CP",
              "  portal-url: https://dichvucong.gov.vn/", "  status: in-force",
              "  history:", "    - date: 2023-01-01", "      status: in-force", "      note: Công bố chuẩn hóa"]
    return "procedures", lines


def document(rnd, i):
    number = f"{rnd.randint(1, 400)}/QĐ-UBND"
    ttl = f"Quyết định số {number} về {rnd.choice(SUBJECTS)}"
    lines = common(rnd, i, "document", ttl)
    lines += ["document:", f"  number: {number}", "  issuer: Chủ tịch UBND xã Hoằng Trung",
              f"  issued: 2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}",
              f"  abstract: {q('Về việc ' + rnd.choice(SUBJECTS) + ' trên địa bàn xã.')}",
              "  file: media/thong-bao.pdf"]
    return "documents", lines


def plan():
    lines = ["---", "id: ke-hoach-tuyen-truyen-cchc-2026", "kind: plan", "number: 12/KH-UBND",
             "title: Kế hoạch tuyên truyền công tác cải cách hành chính năm 2026", "issuer: UBND xã Hoằng Trung",
             "issued: 2026-01-05", "period:", "  from: 2026-01-01", "  to: 2026-12-31", "themes:"]
    for key, ttl, description in THEMES:
        lines += [f"  - key: {key}", f"    title: {q(ttl)}", f"    description: {q(description)}"]
    lines += ["---", "", "## I. Mục đích, yêu cầu", "", " ".join(SENTENCES[:4]), ""]
    return "\n".join(lines)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = sys.argv[2] if len(sys.argv) > 2 else "bench-content"
    rnd = random.Random(SEED)
    for sub in ("plans", "items", "procedures", "documents", "media"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    with open(os.path.join(out, "plans", "ke-hoach-tuyen-truyen-cchc-2026.md"), "w", encoding="utf-8") as f:
        f.write(plan())
    with open(os.path.join(out, "media", "thong-bao.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n% bench placeholder\n%%EOF\n")
    for i in range(1, n + 1):
        # about 2% procedures and 2% documents, like a commune's real mix
        make = rnd.choices([item, procedure, document], [96, 2, 2])[0]
        folder, lines = make(rnd, i)
        text = "---\n" + "\n".join(lines) + "\n---\n\n" + body(rnd) + "\n"
        if i % 20 == 0:  # some editors save decomposed Unicode; the loader normalises it to NFC
            text = unicodedata.normalize("NFD", text)
        name = lines[0][len("id: "):] + ".md"
        with open(os.path.join(out, folder, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
