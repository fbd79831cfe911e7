package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Plans extends JpaRepository<Plan, String> {

	List<Plan> findAllByOrderByPeriodStartDescTitleAsc();

}
