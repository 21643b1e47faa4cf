"""General vocabulary the finders share: surnames, titles, organisation suffixes, event and policy heads.

All lists are general knowledge of Korean news writing (no names taken from any evaluation article).
When ``kg.lexicon`` (the gazetteer helper's lexicon) is installed its titles, suffixes and known
institutions extend these lists (:func:`known_institutions`).
"""
from __future__ import annotations

from functools import lru_cache

SURNAMES_2 = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
SURNAMES_1 = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 "
    "구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 "
    "탁 국 어 은 편 용 예 봉 경 빈 라 태 승 피 감 음 가 범 형 두 호 당 좌".split()
)

# words that look like "surname + given name" but are common nouns or function words
NOT_NAMES = frozenset(
    "이번 이날 이후 이어 이에 이를 이와 이번에 이같이 이는 이들 이상 이하 이미 이전 이제 이른바 정부 전국 전체 전문가 전문 전략 "
    "전담 전시 전남 전북 한편 한국 한층 최근 최대 최고 최초 최종 조기 주요 주민 주최 주관 지난 지역 지원 지자체 공동 공무원 "
    "공공 신규 신설 우리 오는 오전 오후 현재 현장 기존 기관 기업 양측 안전 정책 강조 고령층 관계자 관련 담당자 참석자 연구진 "
    "대표 대학 대학생 도내 도민 시민 구민 군민 시장 시청 구청 국장 과장 원장 회장 사장 위원 위원장 교수 박사 총장 단장 실장 "
    "모든 모두 모범 방문 방안 성과 성장 소속 소장 송고 신청 심사 안내 양성 여성 연구 연계 예정 오늘 올해 우선 위해 유관 육성 "
    "인사 인재 임원 장관 장기 장애 정보 제공 제도 조성 주관 지사 진행 차관 차장 참여 채용 추진 하반기 상반기 한해 해당 현안 "
    "홍보 황금 강화 고용 공간 과제 구축 국가 국내 국민 국제 금융 기술 기존 김치 남부 노인 도시 문화 민간 반도체 방식 배출 "
    "부문 부서 사업 상생 서비스 설명 성공 소통 송년 시대 시설 시행 신년 신청 심의 안정 양국 연말 연초 연합 예산 오늘날 "
    "운영 원활 유치 의견 의회 이사 인근 인력 일부 임기 장소 전달 전환 정상 제안 조사 조정 주도 지방 지속 진흥 차원 창업 "
    "창출 천명 체결 초청 최선 추가 축사 출범 출신 평가 포함 표창 하루 한마음 함께 현지 협력 협약 협의 홍보 확대 확산 환경 "
    "회의 효과 이미지 이야기 이유 이해 이용 이전 이후 경제 경영 경기 경찰 공식 공약 교육 구성 국정 기념 기획 김포 남해 노력 도정 동반 마련 모집 발표 방침 보고 "
    "보도 부장 사무 선정 선포 설립 세계 소관 수석 수립 시정 신임 안건 업무 연구원 예비 우수 위한 유일 의원 임명 장비 재단 "
    "전임 정례 제정 조례 주재 지정 책임 추천 출마 출연 취임 편성 포럼 표준 한정 행사 행정 혁신 현황 협회".split()
)

# titles that may stand alone after a name ("홍길동 교수"); longest first when matching a suffix
TITLES = sorted(set(
    "시장 도지사 지사 군수 구청장 교육감 의장 부의장 의원 국회의원 시의원 도의원 구의원 군의원 장관 차관 청장 차장 "
    "원장 부원장 총장 부총장 학장 교수 명예교수 석좌교수 부교수 조교수 겸임교수 연구교수 초빙교수 연구원 수석연구원 "
    "책임연구원 선임연구원 연구위원 선임연구위원 수석연구위원 박사 대표 대표이사 사장 부사장 회장 부회장 이사장 이사 "
    "상임이사 전무 상무 전무이사 위원장 부위원장 공동위원장 위원 센터장 소장 단장 부단장 본부장 지사장 지점장 국장 "
    "실장 과장 팀장 부장 처장 관장 사무총장 사무국장 총재 부총재 대통령 국무총리 총리 부시장 부지사 부군수 부구청장 "
    "행정부시장 경제부시장 정무부시장 부교육감 대변인 비서실장 상임대표 공동대표 지부장 병원장 의료원장 이사회의장 "
    "사무처장 기획조정실장 국무위원 처장 차관보 실장 본부장 주무관 사무관 서기관 센터장 원장 교장 학과장 "
    "부장판사 판사 검사 검사장 검찰총장 지검장 대법관 대법원장 헌법재판관 변호사 총괄회장 명예회장 대표이사 부대표 "
    "원내대표 당대표 최고위원 사무총장 비서관 수석비서관 대사 총영사 영사 공사 참사관 외무장관 국방장관 "
    "부통령 주석 국왕 총독 감독 고문 점장 지점장 반장 팀원 은행장 행장 검사장 지검장 부장검사 통보관 대변인 "
    "경장 경사 경위 경감 경정 총경 경무관 치안감 치안정감 치안총감 소방관 소방위 소방장 "
    "준위 소위 중위 대위 소령 중령 대령 준장 소장 중장 대장 원사 상사 중사 하사 사령관 참모총장 합참의장 "
    "의원장 원로 신부 목사 스님 주지 이사관 부이사관 협회장 조합원 구단주 매니저 디렉터 파트너 연구교수 외래교수 "
    "연구소장 연구실장 연구단장 협의회장 위원회장 조합장 지청장 서장 면장 읍장 동장 회장 CEO 대표변호사".split()
), key=len, reverse=True)

# title endings of a glued "organisation + title" word (국토연구원장, 미래전략산업과장, 환경부장관)
GLUED_TITLES = ("위원장", "본부장", "센터장", "연구소장", "사무총장", "사무국장", "청장", "원장", "소장", "단장", "회장",
                "은행장", "행장", "지검장", "검사장", "서장", "병원장", "학장", "교장", "관장",
                "사장", "총장", "관장", "국장", "실장", "과장", "팀장", "부장", "처장", "지사장", "지점장", "이사장",
                "장관", "차관", "교수", "대표", "시장", "군수", "지사", "도지사", "구청장", "교육감", "의장", "조합장")

# heads of local governments: title -> levels of the City they head
HEAD_TITLES = {"시장": ("metropolitan", "city"), "도지사": ("province",), "지사": ("province",), "군수": ("county",),
               "구청장": ("district",), "특별시장": ("metropolitan",), "광역시장": ("metropolitan",)}

# organisation suffixes -> kind (longest first when matching)
ORG_SUFFIXES = {
    "대학교": "university", "대학원": "university", "대학": "university", "과학기술원": "university", "기술원": "research institute",
    "연구원": "research institute", "연구소": "research institute", "연구센터": "research institute",
    "진흥원": "public agency", "평가원": "agency", "정보원": "public agency", "개발원": "public agency",
    "문화원": "public agency", "관리원": "public agency", "재단": "foundation", "공사": "public corporation",
    "공단": "public agency", "협회": "association", "협의회": "council", "위원회": "committee", "연합회": "association",
    "중앙회": "cooperative", "협동조합": "cooperative", "조합": "cooperative", "상공회의소": "chamber of commerce",
    "테크노파크": "technopark", "혁신센터": "innovation center", "지원센터": "center", "센터": "center", "기금": "public fund",
    "은행": "bank", "병원": "hospital", "의료원": "hospital", "학회": "association", "포럼": "forum", "연대": "association",
    "연맹": "association", "산학협력단": "university industry-academia cooperation foundation", "공항공사": "public corporation",
    "진흥공단": "public agency", "벤처스": "venture capital", "벤처투자": "venture capital", "인베스트먼트": "venture capital",
    "캐피탈": "company", "홀딩스": "company", "그룹": "company", "전자": "company", "건설": "company", "통신": "company",
    "증권": "company", "제약": "company", "네트웍스": "company", "테크": "company", "랩스": "company", "솔루션": "company",
    "시스템즈": "company", "에너지": "company", "모빌리티": "company", "회의소": "chamber of commerce", "학교": "school",
    "고등학교": "school", "교육청": "education office", "경찰청": "agency", "기상청": "agency", "진흥청": "agency",
    "공사": "public corporation", "위원회의": "committee", "환경회의": "national council", "청": "agency", "처": "agency",
    "부": "department", "원": "agency", "소": "agency", "회": "association", "단": "group", "국": "department", "과": "department", "실": "department", "팀": "department",
    "본부": "branch", "지역본부": "branch", "지점": "branch", "지부": "branch", "사업단": "group",
    "진흥회": "association", "장학회": "foundation", "연구회": "association", "추진단": "committee",
    "교육지원청": "education office", "기획원": "agency", "인증원": "agency", "교육원": "agency", "연수원": "agency",
    "총연합회": "association", "한림원": "association", "협의체": "council",
    "보건소": "hospital", "예술단": "association", "문화재단": "foundation", "복지재단": "foundation",
    "과학관": "public agency", "박물관": "public agency", "미술관": "public agency", "도서관": "public agency",
    # courts, prosecutors, police, fire and tax offices ("서울중앙지법", "수원지검", "송파경찰서")
    "지방법원": "court", "고등법원": "court", "가정법원": "court", "행정법원": "court", "법원": "court", "지법": "court",
    "고법": "court", "지방검찰청": "prosecutors' office", "고등검찰청": "prosecutors' office", "검찰청": "prosecutors' office",
    "지검": "prosecutors' office", "고검": "prosecutors' office", "경찰서": "police", "지방경찰청": "police",
    "소방서": "fire station", "소방본부": "fire station", "소방재난본부": "fire station", "세무서": "agency",
    "지방국세청": "agency", "방재청": "agency", "관리청": "agency", "개발청": "agency", "노동조합": "union", "노조": "union", "상담소": "center", "발전소": "power plant",
    "일보": "newspaper", "엔터테인먼트": "company", "중공업": "company", "물산": "company", "항공": "company",
    "해운": "company", "카드": "company", "생명": "company", "화재": "company", "자동차": "company", "제약": "company",
    "투데이": "newspaper", "데일리": "newspaper", "타임스": "newspaper", "타임즈": "newspaper", "백화점": "company",
    "호텔": "company", "쇼핑": "company", "유통": "company", "물류": "company", "철강": "company", "중공업": "company",
    # brand endings of small companies and shops ("하나몰", "가나소프트"): weak, an affiliation in a role
    "몰": "company", "샵": "company", "닷컴": "company", "컴퍼니": "company", "소프트": "company",
    "푸드": "company", "스토어": "company",
}
# suffixes that make an organisation only with a known stem (too common alone): checked with extra rules
WEAK_ORG_SUFFIXES = frozenset("청 처 부 원 소 회 단 국 과 실 팀 본부 지역본부 지점 지부 사업단 전자 건설 통신 에너지 모빌리티 테크 솔루션 그룹 센터 포럼 연대 학교 "
                              "위원회의 환경회의 은행 기금 조합 항공 해운 카드 생명 화재 자동차 법원 백화점 호텔 쇼핑 유통 "
                              "물류 철강 몰 샵 닷컴 컴퍼니 소프트 푸드 스토어".split())
# business-group names: a weak company suffix after one of them names a company ("포스코에너지", "현대백화점")
BUSINESS_GROUPS = ("삼성", "현대", "기아", "LG", "SK", "롯데", "한화", "한진", "대우", "두산", "효성", "GS", "CJ", "금호",
                   "신세계", "코오롱", "포스코", "KT", "농협", "하나", "신한", "KB", "우리", "동부", "대림", "아시아나", "쌍용",
                   "한국전력", "부영", "미래에셋", "교보", "OCI", "HD현대", "HL", "LS", "DB", "카카오", "네이버")
# weak company suffixes that name a company after a Latin brand ("GS건설", "KB국민카드", "LG전자", "SK에너지")
BRAND_COMPANY_SUFFIXES = ("건설", "전자", "통신", "에너지", "항공", "해운", "카드", "생명", "화재", "자동차", "은행", "증권",
                          "그룹", "텔레콤", "케미칼", "바이오", "제약", "중공업", "물산", "엔터테인먼트", "모빌리티", "솔루션")

# sub-units written after the parent organisation ("한국은행 포항본부", "한빛대학교 산학협력단")
SUBUNIT_SUFFIXES = ("지역본부", "본부", "지점", "지사", "지부", "지원", "분원", "연구소", "산학협력단",
                    "위원회", "센터", "연구센터", "사업단", "캠퍼스", "지회", "병원")

# generic words: an "organisation" made only of these is not a name
GENERIC_ORG_WORDS = frozenset(
    "연구 연구기관 관련 관계 지역 각 해당 소속 산하 유관 공공 민간 정부 국내 해외 전문 주요 핵심 협력 투자 지원 창업지원 "
    "창업보육 기관 단체 대학 학교 기업 회사 이 그 저 본 우리 양 두 세 여러 관내 전국 국립 공립 사립 지방 중앙 산업 학계 "
    "전 현 신 구 동 서 남 북 상 하 해당기관 공동 실무 운영 사무 행정 시 도 군 구 정 이번 모든 대형 중소 일반 각종 지자체 "
    "거점 시범 실증 종합 통합 지능형 첨단 미래 혁신 디지털 스마트 글로벌 협의 추진 기술 보육 교육 훈련 홍보 "
    "명문 의과 치과 한의과 경영 수의과 수의 사범 공과 인문 자연과학 사회과학 단과 일반 전문 명문사립".split()
)

# ministries and central agencies (general knowledge, current and former names)
MINISTRIES = frozenset(
    "기획재정부 교육부 과학기술정보통신부 외교부 통일부 법무부 국방부 행정안전부 국가보훈부 문화체육관광부 농림축산식품부 "
    "산업통상자원부 보건복지부 환경부 고용노동부 여성가족부 국토교통부 해양수산부 중소벤처기업부 기후에너지환경부 "
    "미래창조과학부 안전행정부 행정자치부 지식경제부 교육과학기술부 농림수산식품부 국토해양부 교육인적자원부 "
    "산업통상부 인사혁신처 법제처 식품의약품안전처 국가보훈처 기상청 경찰청 소방청 국세청 관세청 조달청 통계청 병무청 "
    "방위사업청 문화재청 국가유산청 농촌진흥청 산림청 특허청 해양경찰청 질병관리청 행정중심복합도시건설청 새만금개발청 "
    "재외동포청 우주항공청 방송통신위원회 공정거래위원회 금융위원회 국민권익위원회 원자력안전위원회 개인정보보호위원회 "
    "국무조정실 국무총리비서실 대통령실 청와대 감사원 국가정보원 국회 대법원 헌법재판소 중앙선거관리위원회".split()
)

# well-known institutions written without a telling suffix, and common short forms -> full name
KNOWN_ALIASES = {  # a few well-known short forms; kg.lexicon (institutions.csv) holds the full list
    "KAIST": "한국과학기술원", "카이스트": "한국과학기술원", "포스텍": "포항공과대학교", "POSTECH": "포항공과대학교",
    "UNIST": "울산과학기술원", "GIST": "광주과학기술원", "DGIST": "대구경북과학기술원", "KIST": "한국과학기술연구원",
    "KDI": "한국개발연구원", "KOTRA": "대한무역투자진흥공사", "한전": "한국전력공사", "코레일": "한국철도공사",
    "서울대": "서울대학교", "연세대": "연세대학교", "고려대": "고려대학교",
}
KNOWN_INSTITUTIONS = frozenset(
    "삼성전자 LG전자 SK텔레콤 KT 네이버 카카오 현대자동차 기아 포스코 한국은행 한국전력공사 농협 농협중앙회 수협 "
    "한국수자원공사 한국도로공사 한국철도공사 한국가스공사 한국산업은행 포항공과대학교 한국과학기술원".split()
)

# event heads -> kind (longest first); generic heads make back-references, not names
EVENT_HEADS = {
    "착수보고회": "briefing", "중간보고회": "briefing", "최종보고회": "briefing", "보고회": "briefing", "설명회": "briefing",
    "발표회": "briefing", "브리핑": "briefing", "세미나": "seminar", "워크숍": "training", "워크샵": "training",
    "포럼": "forum", "토론회": "forum", "심포지엄": "forum", "공청회": "forum", "간담회": "meeting", "회의": "meeting",
    "간부회의": "meeting", "총회": "meeting", "컨퍼런스": "conference", "콘퍼런스": "conference",
    "학술대회": "conference", "정상회의": "conference", "서밋": "conference", "업무협약식": "agreement", "업무협약": "agreement",
    "협약식": "agreement", "협약": "agreement", "MOU": "agreement", "양해각서": "agreement", "선언식": "declaration",
    "선포식": "declaration", "선언": "declaration", "출범식": "launch", "발족식": "launch", "창립총회": "launch",
    "창립식": "launch", "개소식": "launch", "개관식": "launch", "준공식": "launch", "착공식": "launch", "기공식": "launch",
    "출범": "launch", "발족": "launch", "창립": "launch", "개소": "launch", "비전스쿨": "training", "아카데미": "training",
    "특강": "training", "특별교육": "training", "박람회": "exhibition",
    "전시회": "exhibition", "엑스포": "exhibition", "페스티벌": "exhibition", "축제": "exhibition", "경진대회": "other",
    "해커톤": "other", "시상식": "other", "기념식": "other", "행사": "other", "대회": "other",
    "체결식": "agreement", "서명식": "agreement", "발대식": "launch", "개막식": "launch", "출정식": "launch",
    "제막식": "other", "시연회": "briefing", "보고대회": "briefing", "토크콘서트": "forum", "라운드테이블": "forum",
    "공모전": "other", "기자회견": "briefing", "추모식": "other", "추도식": "other", "캠페인": "other",
    "정책토론회": "forum", "학술세미나": "seminar", "웨비나": "seminar", "쇼케이스": "exhibition",
}
GENERIC_EVENT_WORDS = frozenset(
    "이번 이날 이 그 해당 관련 각종 각 지난 오는 올해 첫 제 본 당일 현장 공식 정기 이번에 또 다른 모든 다양한 "
    "첫번째 두번째 같은 이런 양 두 세 기관 간 기관간 상호 공동 함께 정례".split()
)
# heads that are names only with specific content and a verb (too often generic)
WEAK_EVENT_HEADS = frozenset("행사 선언 출범 발족 창립 개소 협약 대회 연수 특강 축제 교육과정 회의 캠프 캠페인".split())

POLICY_HEADS = ("5개년 계획", "종합계획", "기본계획", "중장기계획", "추진계획", "실행계획", "계획", "전략", "비전",
                "로드맵", "사업", "프로젝트", "프로그램", "특별도시", "캐치프레이즈", "슬로건", "조례", "선언문", "정책",
                "플랫폼 구축", "구상", "계획안", "마스터플랜", "이니셔티브")
GENERIC_POLICY_WORDS = frozenset(
    "세부 추진 실행 관련 각종 이번 이 그 해당 주요 핵심 중장기 기본 종합 향후 올해 내년 연간 전략 계획 사업 세부실행 "
    "추진계획 세부추진계획 실행계획 발전 방안 대책 정책 지원 신규 기존 다양한 여러 모든 운영 관리 시범 단계 연구 "
    "지역 국가 정부 민간 공공 기관 기업 대응 발굴 과제 5대 3대 10대 중점 핵심과제 이행 후속 보완 개선 추가 단계별 "
    "연차별 연도별 분야별 부문별 관리 예산 집행 사업비 향후 내년도 금년도 차년도 지방자치단체 자치단체 지자체 "
    "자체 개별 별도 기관별 시군별 각급 관계 당초 기존의 새 새로운 해당 같은 이런 그런 다른 모든 일부 전체".split()
)

# countries and their common short names (a country is not an institution in a role phrase)
COUNTRIES = frozenset(
    "대한민국 한국 북한 조선민주주의인민공화국 미국 중국 일본 러시아 영국 프랑스 독일 이탈리아 스페인 캐나다 호주 인도 "
    "브라질 멕시코 베트남 태국 필리핀 인도네시아 말레이시아 싱가포르 대만 홍콩 몽골 카자흐스탄 우즈베키스탄 터키 튀르키예 "
    "이란 이라크 이스라엘 사우디아라비아 아랍에미리트 이집트 남아공 남아프리카공화국 네덜란드 벨기에 스위스 스웨덴 노르웨이 "
    "덴마크 핀란드 폴란드 오스트리아 그리스 포르투갈 우크라이나 뉴질랜드 아르헨티나 칠레 페루 콜롬비아 쿠바 유럽연합 EU "
    "유엔 UN 미 중 일 러 영 독 불 "
    "미얀마 몰디브 시리아 라오스 네팔 부탄 방글라데시 파키스탄 아프가니스탄 스리랑카 브루나이 동티모르 키르기스스탄 "
    "타지키스탄 투르크메니스탄 아제르바이잔 조지아 아르메니아 요르단 레바논 쿠웨이트 카타르 바레인 예멘 리비아 "
    "튀니지 알제리 모로코 에티오피아 케냐 나이지리아 세네갈 탄자니아 우간다 르완다 콩고 앙골라 잠비아 "
    "짐바브웨 모잠비크 마다가스카르 카메룬 차드 말리 니제르 소말리아 베네수엘라 볼리비아 에콰도르 파라과이 우루과이 "
    "파나마 코스타리카 과테말라 온두라스 니카라과 엘살바도르 도미니카 자메이카 아이티 아일랜드 아이슬란드 체코 "
    "슬로바키아 헝가리 루마니아 불가리아 세르비아 크로아티아 슬로베니아 보스니아 몬테네그로 알바니아 마케도니아 "
    "그리스 키프로스 몰타 룩셈부르크 리투아니아 라트비아 에스토니아 벨라루스 몰도바 피지 파푸아뉴기니 교황청 바티칸 "
    "팔레스타인 쿠르드 대만 마카오 티베트 사모아 통가 차이나 코리아 재팬 아메리카 유럽 아시아 아프리카".split()
)

QUOTES = {"‘": "’", "“": "”", "'": "'", '"': '"', "「": "」", "『": "』", "`": "`", "《": "》", "<": ">", "〈": "〉"}


@lru_cache(maxsize=1)
def lexicon():
    """The gazetteer helper's kg.lexicon module when installed, else None."""
    try:
        import kg.lexicon as lx  # noqa: F401

        return lx
    except Exception:
        return None


def is_surname_start(word: str) -> bool:
    return word[:2] in SURNAMES_2 or word[:1] in SURNAMES_1


@lru_cache(maxsize=65536)
def person_name_ok(word: str) -> bool:
    """A plausible Korean full name: 2-4 Hangul syllables starting with a surname, not a common word."""
    import re

    if not re.fullmatch(r"[가-힣]{2,4}", word) or word in NOT_NAMES:
        return False
    if len(word) == 4:
        return word[:2] in SURNAMES_2
    return word[:1] in SURNAMES_1 or word[:2] in SURNAMES_2
