"""The Vietnamese words of the demo city: what residents write, what officers post and answer.

Every person is invented: names are drawn from common family, middle and given names, and
addresses name an alley number and a residential group, never a real street, so no record
of the demo can be mistaken for a real resident. Phone and identity numbers are in ranges
no real subscriber or citizen holds (090000…, 000000…).
"""

from __future__ import annotations

FAMILY: tuple[str, ...] = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ")
FAMILY += ("Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE: tuple[str, ...] = ("Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thu", "Kim")
MIDDLE += ("Đức", "Bảo")
GIVEN: tuple[str, ...] = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa")
GIVEN += ("Hùng", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Tâm")
GIVEN += ("Thảo", "Trang", "Tuấn", "Uyên", "Vy", "Yến", "Sơn", "Khánh", "Nhung", "Phương")

# The steering committee (Ban Chỉ đạo): position, title, organisation.
COMMITTEE = (
    ("head", "Bí thư Đảng ủy phường", "Đảng ủy phường"),
    ("deputy_head", "Chủ tịch UBND phường", "Ủy ban nhân dân phường"),
    ("member", "Chủ tịch Ủy ban MTTQ Việt Nam phường", "Ủy ban MTTQ Việt Nam phường"),
    ("member", "Phó Chủ tịch UBND phường", "Ủy ban nhân dân phường"),
    ("member", "Trưởng Phòng Văn hóa - Xã hội", "Ủy ban nhân dân phường"),
    ("member", "Bí thư Đoàn Thanh niên phường", "Đoàn TNCS Hồ Chí Minh phường"),
)

# Part II of the seed plan: two tasks per task group, with what each must deliver.
TASKS = {
    1: (
        (
            "Tuyên truyền Kết luận 120-KL/TW và Nghị định 59/2023/NĐ-CP đến các tổ dân phố",
            "Báo cáo kết quả tuyên truyền, danh sách tổ dân phố đã tổ chức",
        ),
        (
            "Phổ biến Luật Tiếp cận thông tin, Luật Tiếp công dân trên loa truyền thanh",
            "Lịch phát thanh và nội dung tin bài",
        ),
    ),
    2: (
        (
            "Tổ chức hội nghị chuyên đề về thực hiện dân chủ ở cơ sở",
            "Biên bản hội nghị và kết luận của Ban Chỉ đạo",
        ),
        ("Lồng ghép nội dung QCDC vào sinh hoạt chi bộ khu phố", "Báo cáo của các chi bộ"),
    ),
    3: (
        (
            "Niêm yết đầy đủ thủ tục hành chính tại trụ sở và trang tin điện tử phường",
            "Danh mục thủ tục hành chính đã niêm yết",
        ),
        ("Rà soát thời gian giải quyết hồ sơ tại Bộ phận một cửa", "Báo cáo rà soát"),
    ),
    4: (
        (
            "Duy trì lịch tiếp công dân định kỳ của Chủ tịch UBND phường",
            "Sổ tiếp công dân và thông báo lịch tiếp",
        ),
        ("Đối thoại với hộ kinh doanh về sắp xếp vỉa hè", "Biên bản đối thoại"),
    ),
    5: (
        (
            "Công khai kế hoạch chỉnh trang đô thị và lấy ý kiến nhân dân",
            "Tin công khai và báo cáo tổng hợp ý kiến",
        ),
        ("Công khai phương án bồi thường dự án nâng cấp hẻm", "Tin công khai và biên bản họp dân"),
    ),
    6: (
        ("Kiểm tra việc thu, chi các khoản đóng góp của nhân dân", "Báo cáo kết quả kiểm tra"),
        ("Giám sát việc giải quyết đơn thư tồn đọng", "Báo cáo giám sát"),
    ),
    7: (
        (
            "Kiện toàn Ban Chỉ đạo và ban hành quy chế làm việc",
            "Quyết định kiện toàn và quy chế làm việc",
        ),
        ("Phân công nhiệm vụ cụ thể cho từng thành viên Ban Chỉ đạo", "Bảng phân công"),
    ),
    8: (
        (
            "Tạo điều kiện để Ủy ban MTTQ giám sát, phản biện xã hội",
            "Kế hoạch giám sát của MTTQ phường",
        ),
        ("Hỗ trợ Ban Thanh tra nhân dân hoạt động", "Báo cáo hoạt động của Ban TTND"),
    ),
}
PROGRESS_NOTES = (
    "Đã triển khai đến các tổ dân phố",
    "Đang tổng hợp kết quả từ các đoàn thể",
    "Đã tổ chức hội nghị, đang hoàn thiện báo cáo",
    "Đã hoàn thành phần lớn khối lượng công việc",
)

# Titles of postings by disclosure category (PUB-CAT); {y} year, {q} quarter, {m} month,
# {h} alley number.
POSTINGS = {
    1: (
        "Kế hoạch phát triển kinh tế - xã hội năm {y}",
        "Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội quý {q} năm {y}",
    ),
    2: (
        "Công khai dự toán ngân sách phường năm {y}",
        "Công khai tình hình thực hiện dự toán ngân sách quý {q} năm {y}",
    ),
    3: (
        "Kế hoạch sử dụng đất năm {y} trên địa bàn phường",
        "Phương án bồi thường, hỗ trợ dự án nâng cấp hẻm {h}",
    ),
    5: (
        "Kết quả vận động Quỹ Vì người nghèo năm {y}",
        "Công khai khoản đóng góp của nhân dân làm đường hẻm {h}",
    ),
    6: ("Danh mục tài sản công của phường năm {y}",),
    7: (
        "Danh sách hộ nghèo, hộ cận nghèo năm {y}",
        "Danh sách đối tượng hưởng trợ cấp xã hội tháng {m}/{y}",
    ),
    8: ("Danh sách hộ được hỗ trợ khắc phục hậu quả triều cường tháng {m}/{y}",),
    9: ("Danh sách công dân trong độ tuổi gọi nhập ngũ năm {y}",),
    10: ("Kết luận kiểm tra công tác quản lý trật tự xây dựng quý {q} năm {y}",),
    11: ("Kế hoạch lấy ý kiến nhân dân về chỉnh trang hẻm {h}",),
    12: ("Mức thu phí vệ sinh và phí chợ năm {y}",),
    14: (
        "Thông báo kế hoạch phòng, chống sốt xuất huyết tháng {m}/{y}",
        "Thông báo lịch tiêm chủng mở rộng tháng {m}/{y}",
    ),
}
# Weights of the categories an officer posts week by week (4 and 13 are posted once).
CATEGORY_WEIGHTS = {1: 3, 2: 3, 3: 2, 5: 2, 6: 1, 7: 3, 8: 1, 9: 1, 10: 1, 11: 1, 12: 2, 14: 3}
REGULATION = "Quy chế thực hiện dân chủ ở cơ sở của {ward}"
PROCEDURE = {
    "name": "Đăng ký khai sinh",
    "steps": "Nộp hồ sơ tại Bộ phận một cửa; công chức tư pháp - hộ tịch kiểm tra, ghi sổ.",
    "method": "Trực tiếp hoặc trực tuyến trên Cổng dịch vụ công quốc gia.",
    "dossier": "Tờ khai đăng ký khai sinh; giấy chứng sinh.",
    "processing_time": "Ngay trong ngày làm việc.",
    "applicants": "Cha, mẹ hoặc người thân của trẻ.",
    "agency": "Ủy ban nhân dân phường.",
    "result": "Giấy khai sinh.",
    "forms": "Tờ khai đăng ký khai sinh (mẫu ban hành kèm Thông tư 04/2024/TT-BTP).",
    "conditions": "Không.",
    "fees": "Miễn lệ phí khi đăng ký đúng hạn.",
}
WITHDRAWAL_REASONS = (
    "Bảng tin bị hư hỏng do mưa bão, tin được gỡ để sửa chữa bảng tin.",
    "Gỡ theo đề nghị của bộ phận chuyên môn để điều chỉnh số liệu.",
)

# Petitions: (title, body) by kind; {h} alley, {g} residential group.
PETITIONS = {
    "feedback": (
        (
            "Đèn đường hẻm {h} bị hỏng",
            "Đèn chiếu sáng hẻm {h} hỏng hơn một tuần, đi lại nguy hiểm.",
        ),
        ("Rác tồn đọng đầu hẻm {h}", "Rác không được thu gom đúng giờ, bốc mùi ảnh hưởng cư dân."),
        ("Nắp cống vỡ trong hẻm {h}", "Nắp cống bị vỡ, xe máy dễ sụp bánh, đề nghị thay mới."),
        (
            "Lấn chiếm vỉa hè để kinh doanh",
            "Nhiều hộ bày hàng kín vỉa hè, người đi bộ phải xuống lòng đường.",
        ),
        (
            "Tiếng ồn karaoke sau 22 giờ",
            "Một hộ trong {g} hát karaoke đến khuya, đề nghị nhắc nhở.",
        ),
        (
            "Ngập nước khi mưa lớn ở hẻm {h}",
            "Mỗi trận mưa lớn hẻm {h} ngập sâu, đề nghị nạo vét cống.",
        ),
        (
            "Cây xanh có nguy cơ gãy đổ",
            "Cây me trước hẻm {h} nghiêng nhiều, đề nghị cắt tỉa trước mùa mưa.",
        ),
    ),
    "complaint": (
        (
            "Khiếu nại quyết định xử phạt về trật tự xây dựng",
            "Tôi không đồng ý bị xử phạt vì công trình chỉ sửa chữa nhỏ, không phải xin phép.",
        ),
        (
            "Khiếu nại việc không xác nhận thông tin cư trú",
            "Hồ sơ đã đủ giấy tờ nhưng bị từ chối xác nhận mà không nêu lý do.",
        ),
        (
            "Khiếu nại mức hỗ trợ khi thu hồi đất",
            "Mức hỗ trợ thấp hơn các hộ liền kề có cùng điều kiện.",
        ),
    ),
    "denunciation": (
        (
            "Tố cáo xây dựng không phép trong hẻm {h}",
            "Một công trình đang xây thêm tầng không có giấy phép, đã báo nhưng chưa bị xử lý.",
        ),
        (
            "Tố cáo việc thu tiền trái quy định tại {g}",
            "Tổ dân phố thu thêm tiền ngoài các khoản đóng góp đã được biểu quyết.",
        ),
    ),
    "information_request": (
        (
            "Đề nghị cung cấp quy hoạch chi tiết khu phố",
            "Xin bản quy hoạch chi tiết 1/500 của khu vực {g}.",
        ),
        (
            "Đề nghị cung cấp dự toán công trình hẻm {h}",
            "Xin dự toán và nhà thầu thi công hẻm {h}.",
        ),
        (
            "Đề nghị cung cấp danh sách hộ được hỗ trợ",
            "Xin danh sách hộ được hỗ trợ triều cường năm nay.",
        ),
    ),
    "lead": (
        (
            "Tin báo cơ sở kinh doanh không phép",
            "Một cơ sở trong hẻm {h} kinh doanh ban đêm, không biển hiệu.",
        ),
    ),
}
ANSWERS = {
    "feedback": "UBND phường đã chỉ đạo xử lý; nội dung phản ánh đã được khắc phục.",
    "complaint": "Sau khi xác minh, UBND phường giữ nguyên một phần quyết định, điều chỉnh phần "
    "còn lại theo quy định.",
    "denunciation": "Nội dung tố cáo đúng một phần; đã xử lý vi phạm và kiểm điểm người vi phạm.",
    "information_request": "Gửi kèm thông tin được yêu cầu; bản sao nhận tại Bộ phận một cửa.",
}
FORWARD_TO = "Công an phường"
REFUSAL = "Đơn không đủ điều kiện thụ lý: nội dung đã được giải quyết bằng quyết định có hiệu lực."
ESCALATION_REASON = "Tôi chưa đồng ý với câu trả lời vì sự việc vẫn tiếp diễn."

# Residents' decisions by topic (DEC-TOPIC): title; {g} group, {h} alley.
DECISIONS = {
    1: "Đóng góp kinh phí bê tông hóa hẻm {h}",
    2: "Thành lập quỹ khuyến học của {g}",
    3: "Quy ước tổ dân phố văn hóa {g}",
    4: "Bầu tổ trưởng {g}",
    6: "Giờ đóng cổng hẻm {h} ban đêm",
}
MINUTES = "Biên bản họp có chữ ký của chủ trì, thư ký và đại diện các hộ."

CONSULTATIONS = (
    (
        "Dự thảo kế hoạch chỉnh trang đô thị năm {y}",
        "Phường dự kiến lát lại vỉa hè, trồng thêm cây xanh và bố trí điểm giữ xe ở các hẻm lớn.",
    ),
    (
        "Dự thảo phương án sắp xếp chợ tạm",
        "Di dời các sạp tự phát vào khu chợ tạm có mái che, thu phí theo diện tích.",
    ),
    (
        "Dự thảo quy định giờ thu gom rác",
        "Thu gom rác từ 17 giờ đến 19 giờ hằng ngày, phạt hộ để rác sai giờ.",
    ),
)
COMMENTS = (
    "Đề nghị ưu tiên các hẻm thường xuyên ngập nước.",
    "Cần bố trí chỗ giữ xe cho người cao tuổi.",
    "Tôi đồng ý với dự thảo.",
    "Phí thu nên giảm cho hộ khó khăn.",
    "Đề nghị công khai tiến độ thi công hằng tuần.",
    "Nên lấy thêm ý kiến của hộ kinh doanh.",
)

CONFERENCES = {
    "dialogue": "Đối thoại giữa Chủ tịch UBND phường với Nhân dân quý {q} năm {y}",
    "thematic": "Hội nghị chuyên đề về thực hiện dân chủ ở cơ sở năm {y}",
    "group_year_end": "Hội nghị nhân dân cuối năm {g}",
}

INSPECTIONS = (
    (
        "Kiểm tra việc công khai thông tin theo Điều 11 Luật Thực hiện dân chủ ở cơ sở",
        "Các tin công khai của phường trong quý và sổ theo dõi niêm yết.",
    ),
    (
        "Giám sát việc giải quyết đơn thư của công dân",
        "Sổ tiếp nhận đơn, thời hạn giải quyết và văn bản trả lời.",
    ),
)
FINDINGS = {
    "posting": (
        "Quy chế dân chủ chưa được niêm yết tại nhà văn hóa các khu phố",
        "Quy chế chỉ niêm yết tại trụ sở phường và trang tin điện tử.",
    ),
    "petition": (
        "Đơn được trả lời quá thời hạn",
        "Văn bản trả lời ban hành sau thời hạn luật định.",
    ),
}
RECOMMENDATIONS = (
    (
        "Niêm yết Quy chế dân chủ tại nhà văn hóa các khu phố",
        "Đề nghị UBND phường niêm yết Quy chế tại các điểm sinh hoạt cộng đồng.",
    ),
    (
        "Chấn chỉnh việc giải quyết đơn đúng hạn",
        "Đề nghị phân công cán bộ theo dõi thời hạn từng đơn, báo cáo hằng tháng.",
    ),
    (
        "Công khai quyết toán các khoản đóng góp của nhân dân",
        "Đề nghị công khai quyết toán quỹ tại các tổ dân phố trước cuối quý.",
    ),
)
RECOMMENDATION_ANSWER = "UBND phường tiếp thu, đã giao bộ phận chuyên môn thực hiện và báo cáo lại."
