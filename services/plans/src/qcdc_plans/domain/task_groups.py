"""What a new annual plan starts from: part I (purposes and requirements) and the eight key
task groups of part II, in the words of the ward plan this system was built for.

The texts are the seed plan's, with its obvious typing slips corrected ("vhuwowng trình",
"phườn", "cuả"). Its first group has no number in the original; it is group 1 here. Titles
are short forms for screens and events; a ward edits them (and may rewrite descriptions)
while its plan is a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from qcdc_shared.refusals import Refused


@dataclass(frozen=True)
class TaskGroup:
    number: int  # 1-8, the order of part II
    title: str
    description: str


@dataclass(frozen=True)
class GroupEdit:
    number: int
    title: str
    description: str | None = None  # None keeps the current description


DEFAULT_TITLE = "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm {year}"

DEFAULT_PURPOSES: tuple[str, ...] = (
    "Tiếp tục quán triệt sâu sắc các quan điểm của Đảng, pháp luật của Nhà nước, các văn bản "
    "của Trung ương, của Thành phố về xây dựng và thực hiện Quy chế dân chủ (sau đây viết tắt "
    "là QCDC) ở cơ sở; tăng cường công tác tuyên truyền, giáo dục, nâng cao hiệu quả thực hiện "
    "QCDC ở cơ sở tại cơ quan, nhằm tăng cường nhận thức của cán bộ, đảng viên, công chức, "
    "người lao động về dân chủ và thực hành dân chủ, bảo đảm, mở rộng và phát huy quyền làm chủ "
    "của nhân dân.",
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền, cơ quan nhà nước; nâng cao vai "
    "trò, trách nhiệm của người đứng đầu, cán bộ, công chức, và người lao động, để đưa nội dung "
    "thực hiện QCDC ở cơ sở đi vào chiều sâu, trở thành nhiệm vụ quan trọng, thường xuyên của "
    "cơ quan, đơn vị từ phường tới cơ sở.",
    "Thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ "
    "hưởng” góp phần vào xây dựng cơ quan trong sạch, vững mạnh; giữ vững an ninh chính trị, "
    "trật tự an toàn xã hội, thực hiện thắng lợi các mục tiêu phát triển kinh tế, văn hóa, xã "
    "hội; đảm bảo quốc phòng - an ninh trên địa bàn phường.",
    "Việc xây dựng và thực hiện QCDC ở cơ sở phải được tiến hành trên tất cả các lĩnh vực của "
    "đời sống xã hội, nhất là các lĩnh vực liên quan trực tiếp đến quyền và lợi ích chính đáng "
    "của người lao động; nêu cao tinh thần trách nhiệm của người đứng đầu trong việc chỉ đạo "
    "thực hiện quyền dân chủ ở cơ sở đảm bảo thiết thực, hiệu quả, tránh hình thức. Trong đó, "
    "việc thực hiện nội dung QCDC ở cơ sở phải đảm bảo nghiêm túc, phù hợp với nhiệm vụ chính "
    "trị của cơ quan, đơn vị.",
)

DEFAULT_TASK_GROUPS: tuple[TaskGroup, ...] = (
    TaskGroup(
        1,
        "Tuyên truyền, phổ biến chủ trương, pháp luật về thực hiện QCDC ở cơ sở",
        "Tập trung đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, đường lối của Đảng, "
        "chính sách, pháp luật của Nhà nước về thực hiện QCDC ở cơ sở, trọng tâm là: Kết luận "
        "số 120-KL/TW; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi "
        "tiết một số điều của Luật Thực hiện dân chủ ở cơ sở. Luật Tiếp cận thông tin. Luật "
        "tiếp công dân. Luật khiếu nại, Luật tố cáo...; gắn với nghị Quyết Đại hội Đảng các cấp "
        "nhiệm kỳ 2020-2025, các kết luận, chỉ thị, kế hoạch của Tỉnh, Thành phố về công tác "
        "xây dựng, chỉnh đốn Đảng, xây dựng hệ thống chính trị, công tác dân vận, cuộc vận "
        "động, phong trào thi đua yêu nước đến cán bộ, công chức, người lao động một cách đồng "
        "bộ, đi vào chiều sâu, nhất là các lĩnh vực liên quan trực tiếp đến quyền lợi, lợi ích "
        "hợp pháp, chính đáng của nhân dân.",
    ),
    TaskGroup(
        2,
        "Gắn thực hiện QCDC với nhiệm vụ chính trị; hội nghị chuyên đề",
        "Gắn việc thực hiện QCDC ở cơ sở với nhiệm vụ chính trị của cơ quan đơn vị tổ chức có "
        "hiệu quả QCDC ở các loại hình, đẩy mạnh việc thực hiện, tổ chức có hiệu quả các hội "
        "nghị chuyên đề về thực hiện QCDC ở các loại hình cơ sở.",
    ),
    TaskGroup(
        3,
        "Gắn thực hiện QCDC với cải cách hành chính; niêm yết công khai thủ tục hành chính",
        "Triển khai việc xây dựng thực hiện QCDC ở cơ sở gắn với việc thực hiện cải cách hành "
        "chính nhà nước giai đoạn 2021-2030 theo Nghị Quyết 76/NQ-CP ngày 15/7/2021 của chính "
        "phủ, đẩy mạnh cải cách thủ tục hành chính gắn với việc thực hiện quy chế dân chủ ở cơ "
        "sở, niêm yết công khai các thủ tục hành chính, đúng quy định tại trụ sở cơ quan và "
        "trang tin điện tử của phường để tạo điều kiện thuận lợi cho người dân tiếp cận, thực "
        "hiện và giám sát việc giải quyết TTHC.",
    ),
    TaskGroup(
        4,
        "Gương mẫu của người đứng đầu; tiếp dân, đối thoại, giải quyết phản ánh, kiến nghị",
        "Thực hiện các giải pháp nhằm nêu cao tinh thần gương mẫu của người đứng đầu, cán bộ "
        "đảng viên thực hành dân chủ, nghiêm túc thực hiện các quy định của Đảng, nhà nước về "
        "tiếp dân, tăng cường đối thoại và giải quyết kịp thời những phản ánh, kiến nghị hợp "
        "pháp, chính đáng của người dân theo Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ chính "
        "trị về trách nhiệm của người đứng đầu cấp ủy trong tiếp dân, đối thoại trực tiếp với "
        "dân và xử lý những phản ánh, kiến nghị của nhân dân.",
    ),
    TaskGroup(
        5,
        "Công khai, thông tin để nhân dân biết và góp ý về quy hoạch, kế hoạch, dự án",
        "Thực hiện có hiệu quả việc công khai và thông tin cho nhân dân biết và tham gia góp ý "
        "về các dự án quy hoạch, kế hoạch phát triển KT-XH, chương trình trọng điểm, các dự án "
        "lớn trên địa bàn phường, công khai các chế độ chính sách giải phóng mặt bằng, thu hồi "
        "đất, tái định cư, bảo đảm công khai, minh bạch, tạo sự đồng thuận trong xã hội.",
    ),
    TaskGroup(
        6,
        "Kiểm tra, giám sát thực hiện QCDC gắn với phòng, chống quan liêu, tham nhũng, lãng phí",
        "Tăng cường công tác kiểm tra, giám sát việc xây dựng và thực hiện QCDC ở cơ sở gắn với "
        "công tác phòng chống quan liêu, tham nhũng, lãng phí, các biểu hiện tiêu cực tại cơ "
        "quan.",
    ),
    TaskGroup(
        7,
        "Kiện toàn, nâng cao chất lượng hoạt động của Ban Chỉ đạo thực hiện QCDC",
        "Kiện toàn, nâng cao chất lượng hoạt động của Ban Chỉ đạo thực hiện QCDC ở cơ sở; "
        "thường xuyên củng cố, rà soát, kiện toàn Ban Chỉ đạo đáp ứng yêu cầu nhiệm vụ và phù "
        "hợp với tình hình thực tế; ban hành quy chế làm việc theo hướng phân công nhiệm vụ cụ "
        "thể cho từng thành viên; nâng cao chất lượng hoạt động của Ban Chỉ đạo.",
    ),
    TaskGroup(
        8,
        "Tạo điều kiện để Mặt trận và các đoàn thể giám sát, phản biện xã hội",
        "Phối hợp tạo điều kiện để Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã "
        "hội cùng cấp tham gia giám sát, phản biện xã hội trong thực hiện các chương trình, dự "
        "án, các chủ trương của Đảng, Nhà nước liên quan trực tiếp đến quyền, lợi ích hợp pháp "
        "của người dân; triển khai đồng bộ, linh hoạt các giải pháp nhằm tuyên truyền, vận động "
        "đoàn viên, hội viên và các tầng lớp nhân dân tham gia phát triển kinh tế - xã hội.",
    ),
)


def edit_groups(groups: Sequence[TaskGroup], edits: Sequence[GroupEdit]) -> tuple[TaskGroup, ...]:
    numbers = [edit.number for edit in edits]
    if len(set(numbers)) != len(numbers):
        raise Refused(
            "Mỗi nhóm nhiệm vụ chỉ được nêu một lần.", "Each task group appears at most once."
        )
    by_number = {group.number: group for group in groups}
    for edit in edits:
        group = by_number.get(edit.number)
        if group is None:
            raise _no_group(edit.number, len(groups))
        by_number[edit.number] = replace(
            group, title=edit.title, description=edit.description or group.description
        )
    return tuple(by_number[number] for number in sorted(by_number))


def check_group(groups: Sequence[TaskGroup], number: int) -> None:
    if all(group.number != number for group in groups):
        raise _no_group(number, len(groups))


def _no_group(number: int, count: int) -> Refused:
    return Refused(
        f"Kế hoạch không có nhóm nhiệm vụ số {number} (chỉ có từ 1 đến {count}).",
        f"The plan has no task group {number} (only 1 to {count}).",
    )
