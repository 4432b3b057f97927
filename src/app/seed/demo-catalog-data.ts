/**
 * The fictional province of the demo: its agencies and its administrative procedures. The
 * province does not exist (unit code H99 is not assigned by Thông tư 10/2016/TT-BTTTT); the
 * procedure names, time limits and fees are modelled on real provincial catalogues so that the
 * dashboards look like a real province's.
 */
import type { OnlineLevel } from './demo-types.ts';

/** Province code suffix; every unit code ends with it (Thông tư 10/2016/TT-BTTTT layout). */
export const PROVINCE_SUFFIX = 'H99';
export const PROVINCE_NAME = 'tỉnh Hòa Bình An';
export const EMAIL_DOMAIN = 'hoabinhan.gov.vn';

export const PROVINCE = { code: `000.00.00.${PROVINCE_SUFFIX}`, name: `UBND ${PROVINCE_NAME}` } as const;
export const CENTRE = {
  code: `000.00.20.${PROVINCE_SUFFIX}`,
  name: `Trung tâm Phục vụ hành chính công ${PROVINCE_NAME}`,
  address: 'Số 2 đường Hùng Vương, phường Trung Tâm, tỉnh Hòa Bình An',
} as const;

/** The provincial departments (Sở); `weight` is their share of the province's dossiers. */
export const DEPARTMENTS = [
  { key: 'STP', name: 'Sở Tư pháp', weight: 1.2 },
  { key: 'SXD', name: 'Sở Xây dựng', weight: 0.9 },
  { key: 'STNMT', name: 'Sở Tài nguyên và Môi trường', weight: 1.6 },
  { key: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', weight: 1.4 },
  { key: 'SGTVT', name: 'Sở Giao thông vận tải', weight: 1.3 },
  { key: 'SYT', name: 'Sở Y tế', weight: 0.8 },
  { key: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', weight: 0.6 },
  { key: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', weight: 0.9 },
  { key: 'SCT', name: 'Sở Công Thương', weight: 0.5 },
  { key: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', weight: 0.5 },
  { key: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', weight: 0.4 },
  { key: 'STC', name: 'Sở Tài chính', weight: 0.3 },
  { key: 'SNV', name: 'Sở Nội vụ', weight: 0.3 },
] as const;
export type DepartmentKey = (typeof DEPARTMENTS)[number]['key'];

/**
 * Communes and wards after the 1 July 2025 reorganisation (Luật Tổ chức chính quyền địa phương
 * 2025: two-level local government, districts abolished).
 */
export const COMMUNES: readonly string[] = [
  'Phường Trung Tâm',
  'Phường Hòa Bình',
  'Phường Đông Sơn',
  'Xã An Phú',
  'Xã Bình Minh',
  'Xã Tân Lập',
  'Xã Hòa Lạc',
  'Xã Phú Lương',
  'Xã Yên Bình',
  'Xã Thạch An',
];

/** Districts and their communes before 1 July 2025, kept to show the older, deeper tree. */
export const FORMER_DISTRICTS: readonly { name: string; communes: readonly string[] }[] = [
  { name: 'UBND huyện Tân Phong', communes: ['UBND xã Tân Phong', 'UBND xã Phong Hải', 'UBND xã Tân Hòa'] },
  {
    name: 'UBND huyện Phú Bình',
    communes: ['UBND thị trấn Phú Bình', 'UBND xã Bình Lợi', 'UBND xã Phú Hưng'],
  },
];
export const DISTRICTS_ABOLISHED_ON = '2025-06-30';
export const COMMUNES_ESTABLISHED_ON = '2025-07-01';

/** `[name, limit, fee VND, online level?]`; limit is `<n>d` working days, `<n>c` calendar days, `<n>h` hours. */
export type ProcedureSpec = readonly [name: string, limit: string, feeVnd: number, online?: OnlineLevel];

export interface SectorSpec {
  sector: string;
  /** 'commune': handled by every commune; otherwise the department that handles it. */
  handledBy: DepartmentKey | 'commune';
  procedures: readonly ProcedureSpec[];
}

export const SECTORS: readonly SectorSpec[] = [
  {
    sector: 'Lý lịch tư pháp',
    handledBy: 'STP',
    procedures: [
      [
        'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
        '10d',
        200_000,
        'full',
      ],
      ['Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng', '10d', 0, 'partial'],
      ['Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị - xã hội', '10d', 0, 'partial'],
    ],
  },
  {
    sector: 'Công chứng',
    handledBy: 'STP',
    procedures: [
      ['Đăng ký hành nghề và cấp Thẻ công chứng viên', '10d', 100_000],
      ['Cấp lại Thẻ công chứng viên', '5d', 100_000],
      ['Thành lập Văn phòng công chứng', '20d', 1_000_000],
      ['Đăng ký hoạt động Văn phòng công chứng', '10d', 1_000_000],
      ['Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng', '10d', 500_000],
      ['Đăng ký tập sự hành nghề công chứng', '7d', 0],
      ['Chuyển nhượng Văn phòng công chứng', '20d', 1_000_000],
    ],
  },
  {
    sector: 'Bổ trợ tư pháp',
    handledBy: 'STP',
    procedures: [
      ['Đăng ký hoạt động của tổ chức hành nghề luật sư', '10d', 100_000],
      ['Đăng ký hoạt động của chi nhánh của tổ chức hành nghề luật sư', '10d', 100_000],
      ['Đăng ký hành nghề luật sư với tư cách cá nhân', '7d', 100_000],
      ['Đăng ký hoạt động của doanh nghiệp đấu giá tài sản', '10d', 1_000_000],
      ['Cấp Thẻ đấu giá viên', '5d', 200_000],
      ['Đăng ký hoạt động Văn phòng giám định tư pháp', '10d', 0],
      ['Cấp thẻ tư vấn viên pháp luật', '7d', 0],
      ['Đăng ký hành nghề quản tài viên với tư cách cá nhân', '5d', 0],
    ],
  },
  {
    sector: 'Hoạt động xây dựng',
    handledBy: 'SXD',
    procedures: [
      [
        'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
        '20d',
        150_000,
        'partial',
      ],
      ['Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình', '20d', 150_000, 'partial'],
      ['Cấp giấy phép di dời đối với công trình', '20d', 150_000],
      ['Điều chỉnh giấy phép xây dựng đối với công trình', '20d', 150_000, 'partial'],
      ['Gia hạn giấy phép xây dựng đối với công trình', '5d', 15_000, 'full'],
      ['Cấp lại giấy phép xây dựng đối với công trình', '5d', 15_000, 'full'],
      ['Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng', '30d', 0, 'partial'],
      ['Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở', '30d', 0, 'partial'],
      ['Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', '20d', 300_000, 'full'],
      ['Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III', '20d', 1_000_000, 'full'],
      ['Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài', '20d', 2_000_000],
      ['Kiểm tra công tác nghiệm thu hoàn thành công trình xây dựng', '20d', 0],
    ],
  },
  {
    sector: 'Nhà ở và kinh doanh bất động sản',
    handledBy: 'SXD',
    procedures: [
      ['Thuê nhà ở công vụ thuộc thẩm quyền quản lý của UBND tỉnh', '30d', 0],
      ['Cho thuê nhà ở cũ thuộc tài sản công', '30d', 0],
      ['Công nhận phân hạng nhà chung cư', '30c', 0],
      ['Cấp chứng chỉ hành nghề môi giới bất động sản', '7d', 200_000, 'full'],
    ],
  },
  {
    sector: 'Đường bộ',
    handledBy: 'SGTVT',
    procedures: [
      ['Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', '5d', 135_000, 'full'],
      ['Cấp lại giấy phép lái xe', '10d', 135_000, 'partial'],
      ['Cấp giấy phép lái xe quốc tế', '5d', 135_000, 'full'],
      ['Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', '5d', 200_000, 'full'],
      ['Cấp phù hiệu xe ô tô kinh doanh vận tải', '2d', 0, 'full'],
      ['Cấp Giấy phép liên vận Việt Nam - Lào cho phương tiện', '2d', 50_000, 'full'],
      ['Cấp giấy phép thi công công trình trên đường bộ đang khai thác', '7d', 0, 'partial'],
      [
        'Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ',
        '7d',
        0,
      ],
      ['Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ', '2d', 0, 'full'],
      ['Đăng ký xe máy chuyên dùng lần đầu', '3d', 200_000],
      ['Cấp giấy chứng nhận đăng ký tạm thời xe máy chuyên dùng', '8h', 70_000],
      ['Cấp giấy chứng nhận đăng ký xe máy chuyên dùng có thời hạn', '3d', 200_000],
    ],
  },
  {
    sector: 'Đất đai',
    handledBy: 'STNMT',
    procedures: [
      ['Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', '10d', 0, 'partial'],
      ['Cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho tổ chức', '20d', 100_000],
      ['Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất cho tổ chức', '20d', 0],
      ['Chuyển mục đích sử dụng đất đối với tổ chức', '15d', 0],
      ['Gia hạn sử dụng đất đối với tổ chức', '7d', 0],
      ['Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', '8h', 80_000, 'full'],
      ['Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', '8h', 20_000, 'full'],
      ['Cung cấp thông tin, dữ liệu đất đai', '3d', 30_000, 'full'],
      ['Cấp đổi Giấy chứng nhận quyền sử dụng đất cho tổ chức', '7d', 50_000],
      ['Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', '10d', 50_000],
      ['Đính chính Giấy chứng nhận đã cấp', '10d', 0],
      ['Tách thửa hoặc hợp thửa đất đối với tổ chức', '15d', 0],
    ],
  },
  {
    sector: 'Môi trường',
    handledBy: 'STNMT',
    procedures: [
      ['Cấp giấy phép môi trường', '30d', 0, 'partial'],
      ['Cấp điều chỉnh giấy phép môi trường', '15d', 0, 'partial'],
      ['Cấp lại giấy phép môi trường', '15d', 0, 'partial'],
      ['Thẩm định báo cáo đánh giá tác động môi trường', '30d', 0],
    ],
  },
  {
    sector: 'Tài nguyên nước và khoáng sản',
    handledBy: 'STNMT',
    procedures: [
      ['Cấp giấy phép khai thác nước dưới đất', '30d', 0],
      ['Cấp giấy phép khai thác, sử dụng nước mặt', '30d', 0],
      ['Gia hạn, điều chỉnh giấy phép khai thác nước dưới đất', '20d', 0],
      ['Cấp giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ', '10d', 0],
      ['Cấp giấy phép thăm dò khoáng sản', '30c', 0],
      ['Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường', '30c', 0],
      ['Đóng cửa mỏ khoáng sản', '30c', 0],
    ],
  },
  {
    sector: 'Đầu tư tại Việt Nam',
    handledBy: 'SKHDT',
    procedures: [
      ['Chấp thuận chủ trương đầu tư của UBND cấp tỉnh', '30d', 0, 'partial'],
      [
        'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
        '15d',
        0,
        'partial',
      ],
      ['Điều chỉnh Giấy chứng nhận đăng ký đầu tư', '10d', 0, 'partial'],
      ['Điều chỉnh chủ trương đầu tư', '20d', 0],
      ['Gia hạn thời hạn hoạt động của dự án đầu tư', '15d', 0],
      ['Chấm dứt hoạt động của dự án đầu tư', '15d', 0],
      ['Cấp lại Giấy chứng nhận đăng ký đầu tư', '5d', 0, 'full'],
      ['Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC', '15d', 0],
      ['Góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài', '15d', 0, 'partial'],
    ],
  },
  {
    sector: 'Thành lập và hoạt động doanh nghiệp',
    handledBy: 'SKHDT',
    procedures: [
      ['Đăng ký thành lập doanh nghiệp tư nhân', '3d', 50_000, 'full'],
      ['Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', '3d', 50_000, 'full'],
      ['Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', '3d', 50_000, 'full'],
      ['Đăng ký thành lập công ty cổ phần', '3d', 50_000, 'full'],
      ['Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp', '3d', 50_000, 'full'],
      ['Đăng ký thay đổi người đại diện theo pháp luật', '3d', 50_000, 'full'],
      ['Đăng ký thay đổi vốn điều lệ, tỷ lệ vốn góp', '3d', 50_000, 'full'],
      ['Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh', '3d', 50_000, 'full'],
      ['Thông báo thay đổi ngành, nghề kinh doanh', '3d', 50_000, 'full'],
      ['Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn', '3d', 0, 'full'],
      ['Giải thể doanh nghiệp', '5d', 0, 'full'],
      ['Cấp lại Giấy chứng nhận đăng ký doanh nghiệp', '3d', 50_000, 'full'],
      ['Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần', '3d', 50_000, 'full'],
    ],
  },
  {
    sector: 'Khám bệnh, chữa bệnh',
    handledBy: 'SYT',
    procedures: [
      ['Cấp giấy phép hành nghề khám bệnh, chữa bệnh', '20d', 360_000, 'partial'],
      ['Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh', '10d', 150_000, 'partial'],
      ['Cấp giấy phép hoạt động đối với phòng khám đa khoa', '30d', 4_300_000],
      ['Cấp giấy phép hoạt động đối với phòng khám chuyên khoa', '30d', 3_100_000],
      ['Cấp giấy phép hoạt động đối với cơ sở dịch vụ thẩm mỹ', '30d', 3_100_000],
      ['Điều chỉnh giấy phép hoạt động khám bệnh, chữa bệnh', '20d', 1_500_000],
    ],
  },
  {
    sector: 'Dược phẩm, mỹ phẩm',
    handledBy: 'SYT',
    procedures: [
      ['Cấp Chứng chỉ hành nghề dược', '20d', 500_000, 'full'],
      ['Cấp lại Chứng chỉ hành nghề dược', '5d', 500_000, 'full'],
      [
        'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc',
        '20d',
        1_000_000,
        'partial',
      ],
      ['Điều chỉnh nội dung Giấy chứng nhận đủ điều kiện kinh doanh dược', '10d', 500_000],
      ['Cấp giấy xác nhận nội dung quảng cáo mỹ phẩm', '10d', 1_100_000, 'full'],
      ['Tiếp nhận phiếu công bố sản phẩm mỹ phẩm', '3d', 500_000, 'full'],
    ],
  },
  {
    sector: 'An toàn thực phẩm',
    handledBy: 'SYT',
    procedures: [
      [
        'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm',
        '20d',
        1_000_000,
      ],
      ['Đăng ký bản công bố sản phẩm thực phẩm', '7d', 500_000, 'full'],
      ['Cấp giấy xác nhận nội dung quảng cáo thực phẩm', '10d', 1_000_000, 'full'],
    ],
  },
  {
    sector: 'Giáo dục và Đào tạo',
    handledBy: 'SGDDT',
    procedures: [
      ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', '4h', 3_000, 'full'],
      ['Chỉnh sửa nội dung văn bằng, chứng chỉ', '5d', 0, 'partial'],
      ['Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp', '20d', 0],
      ['Cho phép thành lập trường trung học phổ thông tư thục', '20d', 0],
      ['Cho phép trường trung học phổ thông hoạt động giáo dục', '20d', 0],
      ['Cấp phép hoạt động giáo dục kỹ năng sống', '15d', 0],
      ['Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', '15d', 0],
      ['Chuyển trường đối với học sinh trung học phổ thông', '3d', 0, 'full'],
      ['Cấp giấy chứng nhận đăng ký hoạt động dịch vụ tư vấn du học', '20d', 0],
    ],
  },
  {
    sector: 'Việc làm và lao động nước ngoài',
    handledBy: 'SLDTBXH',
    procedures: [
      ['Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', '5d', 600_000, 'full'],
      ['Cấp lại giấy phép lao động', '3d', 450_000, 'full'],
      ['Gia hạn giấy phép lao động', '5d', 450_000, 'full'],
      ['Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động', '3d', 0, 'full'],
      ['Giải quyết hưởng trợ cấp thất nghiệp', '20d', 0, 'partial'],
      ['Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp', '7d', 0],
      ['Cấp giấy phép hoạt động cho thuê lại lao động', '20d', 0],
      ['Đăng ký nội quy lao động của doanh nghiệp', '7d', 0, 'full'],
    ],
  },
  {
    sector: 'Giáo dục nghề nghiệp',
    handledBy: 'SLDTBXH',
    procedures: [
      ['Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp', '10d', 0, 'partial'],
      ['Thành lập trung tâm giáo dục nghề nghiệp tư thục', '15d', 0],
      ['Đăng ký bổ sung hoạt động giáo dục nghề nghiệp', '10d', 0, 'partial'],
    ],
  },
  {
    sector: 'Lưu thông hàng hóa trong nước',
    handledBy: 'SCT',
    procedures: [
      ['Cấp Giấy phép bán buôn rượu', '15d', 1_200_000, 'full'],
      ['Cấp Giấy phép bán buôn sản phẩm thuốc lá', '15d', 1_200_000, 'full'],
      ['Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', '15d', 1_200_000, 'partial'],
      ['Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai', '15d', 1_200_000, 'partial'],
      ['Đăng ký hoạt động bán hàng đa cấp tại địa phương', '15d', 0, 'partial'],
    ],
  },
  {
    sector: 'Xúc tiến thương mại',
    handledBy: 'SCT',
    procedures: [
      ['Đăng ký thực hiện khuyến mại', '5d', 0, 'full'],
      ['Đăng ký tổ chức hội chợ, triển lãm thương mại', '7d', 0, 'full'],
    ],
  },
  {
    sector: 'Điện và vật liệu nổ công nghiệp',
    handledBy: 'SCT',
    procedures: [
      ['Cấp Giấy phép hoạt động điện lực trong lĩnh vực phân phối điện', '15d', 800_000],
      ['Cấp Giấy phép sử dụng vật liệu nổ công nghiệp', '10d', 0],
    ],
  },
  {
    sector: 'Thương mại quốc tế',
    handledBy: 'SCT',
    procedures: [
      [
        'Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam',
        '7d',
        3_000_000,
        'partial',
      ],
      ['Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài', '10d', 2_000_000, 'partial'],
    ],
  },
  {
    sector: 'Thú y',
    handledBy: 'SNNPTNT',
    procedures: [
      [
        'Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
        '1d',
        40_000,
        'partial',
      ],
      ['Cấp chứng chỉ hành nghề thú y', '5d', 100_000],
      ['Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y', '15d', 230_000],
    ],
  },
  {
    sector: 'Trồng trọt và bảo vệ thực vật',
    handledBy: 'SNNPTNT',
    procedures: [
      ['Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', '20d', 500_000, 'partial'],
      ['Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón', '20d', 500_000, 'partial'],
      ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản', '15d', 700_000],
    ],
  },
  {
    sector: 'Thủy sản',
    handledBy: 'SNNPTNT',
    procedures: [
      ['Cấp giấy phép khai thác thủy sản', '5d', 40_000],
      ['Cấp Giấy chứng nhận đăng ký tàu cá', '5d', 70_000],
      ['Cấp Giấy chứng nhận an toàn kỹ thuật tàu cá', '5d', 0],
      ['Cấp văn bản chấp thuận đóng mới, cải hoán tàu cá', '7d', 0],
    ],
  },
  {
    sector: 'Du lịch',
    handledBy: 'SVHTTDL',
    procedures: [
      ['Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa', '10d', 3_000_000, 'full'],
      ['Cấp thẻ hướng dẫn viên du lịch nội địa', '10d', 650_000, 'full'],
      ['Đổi thẻ hướng dẫn viên du lịch', '10d', 650_000, 'full'],
      ['Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao', '30d', 1_500_000],
    ],
  },
  {
    sector: 'Văn hóa và thể thao',
    handledBy: 'SVHTTDL',
    procedures: [
      ['Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', '7d', 0, 'partial'],
      ['Cấp giấy phép sao chép tác phẩm mỹ thuật về danh nhân văn hóa, anh hùng dân tộc', '7d', 0],
      ['Cấp giấy phép tổ chức triển lãm tác phẩm nhiếp ảnh', '7d', 0, 'partial'],
      ['Cấp giấy phép xây dựng tượng đài, tranh hoành tráng', '20c', 0],
    ],
  },
  {
    sector: 'Tài chính - ngân sách',
    handledBy: 'STC',
    procedures: [
      ['Đăng ký mã số đơn vị có quan hệ với ngân sách', '1d', 0, 'full'],
      ['Quyết định giá thuộc thẩm quyền của UBND cấp tỉnh', '15d', 0],
      ['Hiệp thương giá', '15c', 0],
      ['Thanh lý tài sản công tại cơ quan, tổ chức, đơn vị', '30c', 0],
      ['Xác lập quyền sở hữu toàn dân đối với tài sản do tổ chức, cá nhân tự nguyện chuyển giao', '30c', 0],
    ],
  },
  {
    sector: 'Tổ chức phi chính phủ và tôn giáo',
    handledBy: 'SNV',
    procedures: [
      ['Công nhận ban vận động thành lập hội có phạm vi hoạt động trong tỉnh', '30c', 0],
      ['Thành lập hội có phạm vi hoạt động trong tỉnh', '30c', 0],
      ['Phê duyệt điều lệ hội', '30c', 0],
      ['Cấp giấy phép thành lập và công nhận điều lệ quỹ', '30c', 0],
      ['Đăng ký sinh hoạt tôn giáo tập trung', '20c', 0],
      ['Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo', '10c', 0],
    ],
  },
  {
    sector: 'Thi đua, khen thưởng',
    handledBy: 'SNV',
    procedures: [
      ['Tặng Bằng khen của Chủ tịch UBND tỉnh', '20d', 0],
      ['Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh', '20d', 0],
      ['Tặng danh hiệu Tập thể lao động xuất sắc', '20d', 0],
    ],
  },
  {
    sector: 'Hộ tịch',
    handledBy: 'commune',
    procedures: [
      ['Đăng ký khai sinh', '8h', 0, 'full'],
      ['Đăng ký kết hôn', '8h', 0, 'partial'],
      ['Đăng ký khai tử', '8h', 0, 'full'],
      ['Đăng ký nhận cha, mẹ, con', '3d', 0, 'partial'],
      ['Đăng ký khai sinh kết hợp nhận cha, mẹ, con', '3d', 0, 'partial'],
      ['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', '3d', 15_000, 'full'],
      ['Cấp bản sao trích lục hộ tịch', '4h', 8_000, 'full'],
      ['Cấp Giấy xác nhận tình trạng hôn nhân', '3d', 15_000, 'full'],
      ['Đăng ký lại khai sinh', '5d', 0, 'partial'],
      ['Đăng ký giám hộ', '3d', 0],
      ['Đăng ký chấm dứt giám hộ', '2d', 0],
      ['Đăng ký kết hôn có yếu tố nước ngoài', '10d', 1_000_000],
      ['Đăng ký khai sinh có yếu tố nước ngoài', '3d', 0, 'partial'],
      [
        'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        '5d',
        0,
        'full',
      ],
      [
        'Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại nước ngoài',
        '5d',
        50_000,
      ],
    ],
  },
  {
    sector: 'Chứng thực',
    handledBy: 'commune',
    procedures: [
      ['Chứng thực bản sao từ bản chính giấy tờ, văn bản', '4h', 2_000, 'partial'],
      ['Chứng thực chữ ký trong các giấy tờ, văn bản', '4h', 10_000],
      ['Chứng thực chữ ký người dịch', '4h', 10_000],
      ['Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', '2d', 50_000],
      ['Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất, nhà ở', '3d', 50_000],
      ['Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', '2d', 30_000],
      ['Chứng thực di chúc', '2d', 50_000],
      ['Chứng thực văn bản thỏa thuận phân chia di sản', '3d', 50_000],
      ['Chứng thực văn bản khai nhận di sản', '3d', 50_000],
      ['Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', '8h', 2_000],
    ],
  },
  {
    sector: 'Bảo trợ xã hội',
    handledBy: 'commune',
    procedures: [
      ['Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội', '20d', 0, 'partial'],
      ['Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', '5d', 0, 'partial'],
      ['Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', '30c', 0],
      ['Đổi, cấp lại Giấy xác nhận khuyết tật', '5d', 0, 'partial'],
      ['Thôi hưởng trợ cấp xã hội hằng tháng', '3d', 0],
      ['Chi trả trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú', '7d', 0],
      ['Hỗ trợ khẩn cấp về nhà ở cho hộ gia đình có nhà ở bị đổ, sập do thiên tai', '3d', 0],
      ['Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', '10d', 0],
      ['Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm', '10d', 0],
    ],
  },
  {
    sector: 'Người có công',
    handledBy: 'commune',
    procedures: [
      ['Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', '15d', 0],
      ['Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ', '3d', 0],
      ['Giải quyết chế độ mai táng phí đối với cựu chiến binh', '10d', 0],
      ['Giải quyết trợ cấp một lần khi người có công đang hưởng trợ cấp ưu đãi từ trần', '10d', 0],
      ['Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công', '15d', 0],
      ['Hỗ trợ người có công với cách mạng cải thiện nhà ở', '30d', 0],
    ],
  },
  {
    sector: 'Đất đai cấp xã',
    handledBy: 'commune',
    procedures: [
      ['Đăng ký đất đai, cấp Giấy chứng nhận lần đầu cho hộ gia đình, cá nhân', '20d', 100_000, 'partial'],
      ['Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân', '15d', 0, 'partial'],
      ['Hòa giải tranh chấp đất đai', '30c', 0],
      ['Đăng ký biến động đất đai đối với hộ gia đình, cá nhân', '10d', 0, 'partial'],
      ['Cấp đổi Giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân', '7d', 50_000, 'partial'],
    ],
  },
  {
    sector: 'Xây dựng nhà ở riêng lẻ',
    handledBy: 'commune',
    procedures: [
      ['Cấp giấy phép xây dựng đối với nhà ở riêng lẻ', '15d', 75_000, 'partial'],
      ['Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ', '15d', 75_000, 'partial'],
      ['Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ', '15d', 75_000, 'partial'],
      ['Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', '5d', 15_000, 'full'],
      ['Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ', '5d', 15_000, 'full'],
    ],
  },
  {
    sector: 'Thành lập và hoạt động của hộ kinh doanh',
    handledBy: 'commune',
    procedures: [
      ['Đăng ký thành lập hộ kinh doanh', '3d', 100_000, 'full'],
      ['Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', '3d', 100_000, 'full'],
      ['Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh', '3d', 0, 'full'],
      ['Chấm dứt hoạt động hộ kinh doanh', '3d', 0, 'full'],
      ['Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', '3d', 100_000, 'full'],
    ],
  },
  {
    sector: 'Kinh doanh rượu, thuốc lá',
    handledBy: 'commune',
    procedures: [
      ['Cấp Giấy phép bán lẻ rượu', '10d', 400_000, 'partial'],
      ['Cấp Giấy phép bán lẻ sản phẩm thuốc lá', '10d', 400_000, 'partial'],
      ['Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh', '10d', 400_000],
    ],
  },
  {
    sector: 'Giáo dục cấp xã',
    handledBy: 'commune',
    procedures: [
      ['Chuyển trường đối với học sinh trung học cơ sở', '3d', 0, 'full'],
      ['Cho phép trường mầm non, trường tiểu học hoạt động giáo dục', '20d', 0],
      ['Thành lập nhóm trẻ, lớp mẫu giáo độc lập', '15d', 0],
      ['Xét, duyệt chính sách hỗ trợ đối với trẻ em mẫu giáo', '10d', 0],
    ],
  },
  {
    sector: 'Văn hóa cấp xã',
    handledBy: 'commune',
    procedures: [
      ['Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', '5d', 4_000_000, 'partial'],
      ['Thông báo tổ chức lễ hội cấp xã', '5d', 0, 'full'],
      ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh', '10d', 0],
    ],
  },
];

/** Why a dossier was sent back for more papers (Mẫu 02, Thông tư 01/2018). */
export const SUPPLEMENT_REASONS: readonly string[] = [
  'Tờ khai chưa ghi đầy đủ thông tin theo mẫu quy định',
  'Thiếu bản sao có chứng thực giấy tờ chứng minh quyền sử dụng đất',
  'Thiếu văn bản ủy quyền hợp lệ của người nộp hồ sơ',
  'Thông tin trên tờ khai không khớp với Cơ sở dữ liệu quốc gia về dân cư',
  'Bản vẽ thiết kế chưa có chữ ký, đóng dấu của đơn vị tư vấn',
  'Thiếu bản chính để đối chiếu với bản sao',
  'Hồ sơ thiếu xác nhận của cơ quan có thẩm quyền nơi cư trú',
  'Cần bổ sung giấy tờ chứng minh đủ điều kiện kinh doanh',
];

/** Why a dossier was refused (Mẫu 03, Thông tư 01/2018). */
export const REFUSAL_REASONS: readonly string[] = [
  'Hồ sơ không đủ điều kiện giải quyết theo quy định',
  'Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết',
  'Công trình không phù hợp với quy hoạch chi tiết đã được phê duyệt',
  'Người đề nghị không thuộc đối tượng được hưởng chính sách',
  'Ngành, nghề đăng ký thuộc danh mục ngành, nghề cấm đầu tư kinh doanh',
];

export const STOP_REASONS: readonly string[] = [
  'Quá thời hạn bổ sung hồ sơ nhưng người nộp không bổ sung',
  'Cơ quan có thẩm quyền yêu cầu tạm dừng để xác minh, làm rõ',
];

export const WITHDRAWAL_REASONS: readonly string[] = [
  'Người nộp hồ sơ đề nghị rút hồ sơ',
  'Tổ chức đề nghị rút hồ sơ để điều chỉnh phương án',
];

/** Why the result is late (Mẫu 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả"). */
export const APOLOGY_REASONS: readonly string[] = [
  'Hồ sơ phải lấy ý kiến của cơ quan liên quan, cần thêm thời gian xác minh',
  'Phải kiểm tra thực địa do có vướng mắc về ranh giới thửa đất',
  'Cán bộ thụ lý nghỉ ốm đột xuất, đơn vị đang bố trí người thay thế',
  'Hệ thống phần mềm chuyên ngành gặp sự cố kỹ thuật',
];
